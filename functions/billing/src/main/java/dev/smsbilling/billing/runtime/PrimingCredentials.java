package dev.smsbilling.billing.runtime;

import dev.smsbilling.http.Priming;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The function's credentials, except while priming runs: then made-up ones, and the real provider
 * is not asked. Under SnapStart the real one is the container endpoint, whose answer must never
 * be frozen into a snapshot (and which may not even answer before it); priming still signs its
 * requests, so that signing is warm, and {@link PrimingHttpClient} answers whatever carries these.
 */
final class PrimingCredentials implements AwsCredentialsProvider {
    /** Lower case, with a dash: no AWS access key id looks like this, so none can be mistaken for it. */
    static final String ACCESS_KEY_ID = "snapstart-priming";
    /** With a session token, as a Lambda role's credentials have one: its header is signed too. */
    private static final AwsSessionCredentials MADE_UP =
            AwsSessionCredentials.create(ACCESS_KEY_ID, "not-a-secret", "not-a-session-token");

    private final AwsCredentialsProvider real;

    PrimingCredentials(AwsCredentialsProvider real) {
        this.real = Objects.requireNonNull(real, "real");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return Priming.inProgress() ? MADE_UP : real.resolveCredentials();
    }

    @Override
    public String toString() {
        return "PrimingCredentials(" + real + ")";
    }
}
