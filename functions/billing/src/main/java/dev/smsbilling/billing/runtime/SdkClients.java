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
 *
 * <p>Both the HTTP client and the credentials are wrapped for SnapStart priming: while it runs,
 * requests are signed with made-up credentials ({@link PrimingCredentials}) and sent to a
 * loopback port of the function's own instead of AWS ({@link PrimingHttpClient}), so the whole
 * request path is warm in the snapshot with no request made to AWS and no credentials in it. Outside priming both wrappers only pass through.
 */
final class SdkClients {
    private SdkClients() {
    }

    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, AwsAccess aws,
                                                                                       Optional<URI> endpoint) {
        builder.httpClientBuilder(PrimingHttpClient.around(UrlConnectionHttpClient.builder()))
                .region(Region.of(aws.region()))
                .credentialsProvider(new PrimingCredentials(aws.credentials()));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
