package dev.smsbilling.billing.runtime;

import dev.smsbilling.aws.AwsAccess;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How every AWS SDK client of a function is built. Everything the SDK would otherwise discover
 * at start-up is given: the small url-connection HTTP client, the region and the credentials
 * provider ({@link AwsAccess}), and the endpoint when an emulator stands in for the service.
 */
final class SdkClients {
    private SdkClients() {
    }

    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, AwsAccess aws,
                                                                                       Optional<URI> endpoint) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(aws.region()))
                .credentialsProvider(aws.credentials());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
