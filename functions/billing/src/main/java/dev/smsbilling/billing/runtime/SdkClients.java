package dev.smsbilling.billing.runtime;

import dev.smsbilling.aws.AwsAccess;
import java.net.URI;
import java.time.Duration;
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
 *
 * <p>Every attempt is bounded. Without it an answer that never comes holds the call for the HTTP
 * client's 30 s socket timeout, past every function's own timeout, and Lambda kills the
 * invocation before it can find out whether its write applied. An attempt's answer is awaited
 * {@link #ATTEMPT_TIMEOUT} (the socket's read timeout); then the SDK resends the same request, a
 * transaction with the same ClientRequestToken. The store bounds its balance writes, resends
 * included, by the invocation's own deadline. The socket's timeout, not the SDK's
 * apiCallAttemptTimeout: that one starts the SDK's timer machinery, about 30 ms more of every
 * cold start (measured side by side with the cold-start harness), for the same effect here.
 */
final class SdkClients {
    /** DynamoDB answers in milliseconds; an attempt this slow has lost its answer. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    private SdkClients() {
    }

    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, AwsAccess aws,
                                                                                       Optional<URI> endpoint) {
        builder.httpClientBuilder(PrimingHttpClient.around(UrlConnectionHttpClient.builder().socketTimeout(ATTEMPT_TIMEOUT)))
                .region(Region.of(aws.region()))
                .credentialsProvider(new PrimingCredentials(aws.credentials()));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
