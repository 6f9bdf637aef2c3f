package dev.smsbilling.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The table a test gets is the one template.yaml deploys. */
@RealDynamoDb
class BillingTableDefinitionTest {

    @Test
    void theTestTableHasTheTemplatesKeysIndexAndTimeToLive(TestTable table) {
        var description = table.client().describeTable(b -> b.tableName(table.name())).table();

        assertThat(description.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
        assertThat(description.globalSecondaryIndexes()).extracting(i -> i.indexName())
                .containsExactlyElementsOf(BillingTableDefinition.fromRepository().globalIndexNames())
                .contains("auto-charge-due");
        var ttl = table.client().describeTimeToLive(b -> b.tableName(table.name())).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    }

    @Test
    void cloudFormationTagsInTheTemplateDoNotStopTheReader() {
        var request = BillingTableDefinition.fromRepository().createRequest("any");

        assertThat(request.tableName()).isEqualTo("any"); // the template's !Sub name is not used
        assertThat(request.billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    }
}
