package dev.smsbilling.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.http.Settings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

class AwsAccessTest {

    private static AwsAccess from(Map<String, String> environment) {
        return AwsAccess.fromSettings(new Settings(environment::get, name -> null));
    }

    @Test
    void underSnapStartCredentialsComeFromTheContainerEndpoint() {
        // SnapStart functions get no key variables, only the container endpoint and its token.
        AwsAccess aws = from(Map.of("AWS_REGION", "eu-west-1",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token"));

        assertThat(aws.credentials()).isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void withoutSnapStartCredentialsComeFromTheEnvironment() {
        AwsAccess aws = from(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret"));

        assertThat(aws.credentials()).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
        assertThat(aws.dynamoDbEndpoint()).isEmpty();
    }

    @Test
    void anEmulatorOnThisMachineWorksWithoutKeys() {
        AwsAccess aws = from(Map.of("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000"));

        assertThat(aws.credentials().resolveCredentials().accessKeyId()).isEqualTo("local");
        assertThat(aws.dynamoDbUri()).isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThat(aws.region()).isEqualTo("us-east-1");
    }

    @Test
    void theRegionsOwnEndpointIsUsedWhenNoneIsConfigured() {
        assertThat(from(Map.of("AWS_REGION", "eu-west-1")).dynamoDbUri())
                .isEqualTo(URI.create("https://dynamodb.eu-west-1.amazonaws.com/"));
        assertThat(from(Map.of("AWS_REGION", "cn-north-1")).dynamoDbUri())
                .isEqualTo(URI.create("https://dynamodb.cn-north-1.amazonaws.com.cn/"));
    }

    @Test
    void anEmulatorOnTheHostOfSamLocalsContainerWorksWithoutKeysToo() {
        // From the container that `sam local` runs a function in, the user's emulator is on the Docker host.
        AwsAccess aws = from(Map.of("DYNAMODB_ENDPOINT", "http://host.docker.internal:4566",
                "SECRETS_MANAGER_ENDPOINT", "http://host.docker.internal:4566"));

        assertThat(aws.credentials().resolveCredentials().accessKeyId()).isEqualTo("local");
        assertThat(aws.dynamoDbUri()).isEqualTo(URI.create("http://host.docker.internal:4566"));
        assertThat(aws.secretsManagerEndpoint()).contains(URI.create("http://host.docker.internal:4566"));
    }

    @Test
    void anAwsEndpointOverrideIsNotAnEmulatorAndKeepsTheRealCredentials() {
        AwsAccess aws = from(Map.of("DYNAMODB_ENDPOINT", "https://dynamodb.eu-west-1.amazonaws.com",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token"));

        assertThat(aws.credentials()).isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void anEmptyEndpointAsTheDeployedTemplateDeclaresItIsNoOverride() {
        AwsAccess aws = from(Map.of("AWS_REGION", "eu-west-1", "DYNAMODB_ENDPOINT", "", "SECRETS_MANAGER_ENDPOINT", "",
                "AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret"));

        assertThat(aws.dynamoDbEndpoint()).isEmpty();
        assertThat(aws.secretsManagerEndpoint()).isEmpty();
        assertThat(aws.credentials()).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
    }

    @Test
    void anEndpointThatIsNotAUrlFailsTheStartAndSaysWhichVariable() {
        assertThatThrownBy(() -> from(Map.of("DYNAMODB_ENDPOINT", "localhost:8000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DYNAMODB_ENDPOINT must be an http(s) URL");
    }
}
