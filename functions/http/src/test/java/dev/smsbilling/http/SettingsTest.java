package dev.smsbilling.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void theEnvironmentWinsOverSystemProperties() {
        var settings = new Settings(Map.of("TABLE_NAME", "from-env")::get, Map.of("TABLE_NAME", "from-property")::get);

        assertThat(settings.tableName()).isEqualTo("from-env");
    }

    @Test
    void systemPropertiesConfigureHandlersThatShareTheLocalApisJvm() {
        var settings = new Settings(name -> null, Map.of("TABLE_NAME", "local", "DYNAMODB_ENDPOINT", " ")::get);

        assertThat(settings.tableName()).isEqualTo("local");
        assertThat(settings.optional("DYNAMODB_ENDPOINT")).as("blank means unset").isEmpty();
    }

    @Test
    void aMissingTableNameSaysWhereItComesFrom() {
        var settings = new Settings(name -> null, name -> null);

        assertThatThrownBy(settings::tableName).hasMessageContaining("TABLE_NAME is not set");
    }
}
