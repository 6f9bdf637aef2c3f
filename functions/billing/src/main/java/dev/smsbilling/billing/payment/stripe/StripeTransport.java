package dev.smsbilling.billing.payment.stripe;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Sends a request to Stripe and sends it again, after a {@link StripeRetryBackoff}, while no answer came
 * or the answer says a retry may succeed ({@link StripeRetryPolicy}), up to the configured
 * number of retries. What is left after that is the caller's to interpret.
 *
 * <p>Any failure to get an answer is retried, not only a refused connection or a timeout: a
 * reset connection leaves the charge just as unknown, and the same key makes the resend safe.
 */
final class StripeTransport {
    private static final Logger LOG = System.getLogger(StripePaymentProcessor.class.getName());

    private final StripeHttp http;
    private final StripeRetryBackoff backoff;
    private final int maxRetries;

    StripeTransport(StripeHttp http, StripeRetryBackoff backoff, int maxRetries) {
        this.http = http;
        this.backoff = backoff;
        this.maxRetries = maxRetries;
    }

    /**
     * @return the last answer, which may be an error answer
     * @throws IOException when the last attempt got no answer
     */
    StripeResponse send(StripeRequest request, String secretKey) throws IOException {
        for (int retries = 0;; retries++) {
            StripeResponse response;
            try {
                response = http.exchange(request, secretKey);
            } catch (IOException noAnswer) {
                if (retries == maxRetries || !waitBeforeRetry(retries + 1, noAnswer.getClass().getSimpleName(), null)) {
                    throw noAnswer;
                }
                continue;
            }
            if (retries == maxRetries || !StripeRetryPolicy.worthRetrying(response)
                    || !waitBeforeRetry(retries + 1, "HTTP " + response.status(), response.requestId())) {
                return response.toAttempt(retries + 1);
            }
        }
    }

    /** @return false when interrupted: the function is shutting down, so the last outcome stands */
    private boolean waitBeforeRetry(int retry, String why, String requestId) {
        Duration delay = backoff.before(retry);
        LOG.log(Level.INFO, "Retrying a Stripe call after {0} (request-id {1}): retry {2} of {3} in {4} ms",
                why, requestId == null ? "-" : requestId, retry, maxRetries, delay.toMillis());
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
