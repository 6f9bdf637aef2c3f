package dev.smsbilling.billing.payment.stripe;

import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentKeyReused;
import dev.smsbilling.billing.payment.PaymentNotAttempted;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * What a failed Stripe call means for the charge: a decline (nothing was charged, the customer
 * can act), a reused key (our bug), or unavailable (the outcome is unknown, retry with the key).
 * The HTTP status decides, as Stripe's API reference assigns them: 402 a card error, 400 and 404
 * a refused request (or a reused key), 401 and 403 our key; anything else, and any answer that
 * could not be read, leaves the outcome unknown. A refused key is the one unavailability that
 * surely charged nothing ({@link PaymentNotAttempted}).
 *
 * <p>Log lines carry codes, HTTP statuses and Stripe's request ids, never Stripe's messages:
 * those can quote the payment method id or part of the API key.
 */
final class StripeErrors {
    private static final Logger LOG = System.getLogger(StripePaymentProcessor.class.getName());

    private StripeErrors() {
    }

    static ChargeResult outcome(StripeCallFailed failure, ChargeRequest request) throws PaymentUnavailable {
        StripeError error = failure.error();
        if (error == null) {
            throw unavailable(failure);
        }
        switch (failure.httpStatus()) {
            case 402:
                return declinedCard(error, failure, request);
            case 400:
            case 404:
                if (StripeError.IDEMPOTENCY_ERROR.equals(error.type())) {
                    LOG.log(Level.ERROR, "Stripe refused a reused idempotency key with other parameters (request-id {0})",
                            failure.requestId());
                    throw new PaymentKeyReused(request.idempotencyKey());
                }
                return refusedRequest(error, failure, request);
            case 401:
            case 403:
                // Our key is wrong, revoked or lacks a permission: an operator must fix the
                // configuration. Loud, but the cause is not chained, as Stripe's message quotes the key.
                LOG.log(Level.ERROR, "Stripe refused our API key (HTTP {0}, code {1}, request-id {2}): "
                        + "check the configured Stripe secret key; no charge can succeed until it is fixed",
                        failure.httpStatus(), error.code(), failure.requestId());
                // Surely nothing charged only when no earlier send of this request may have been processed.
                String refused = "Stripe refused our API key (HTTP " + failure.httpStatus() + ")";
                throw failure.firstAttempt() ? new PaymentNotAttempted(refused) : new PaymentUnavailable(refused);
            default:
                throw unavailable(failure);
        }
    }

    /** Stripe answered that our key is wrong, revoked or lacks a permission (401, 403): a rotated key, perhaps. */
    static boolean refusedOurKey(StripeCallFailed failure) {
        return failure.answered() && (failure.httpStatus() == 401 || failure.httpStatus() == 403);
    }

    /**
     * A failure of a call that is not the charge itself: a read (the PaymentIntent just created,
     * the list a sweep searches), whose failure cannot say "not attempted" of a charge, or a
     * customer's creation, which charges nothing. Either way: unavailable, ask again later.
     */
    static PaymentUnavailable notACharge(StripeCallFailed failure) {
        return unavailable(failure);
    }

    /**
     * Rate limits, 409s and 5xx after the transport's own retries, timeouts, lost connections and
     * answers we could not read: the charge may or may not exist at Stripe, and only a retry with
     * the same key can tell.
     */
    private static PaymentUnavailable unavailable(StripeCallFailed failure) {
        if (!failure.answered()) {
            LOG.log(Level.WARNING, "Stripe unavailable: no answer ({0})", failure.getCause().getClass().getSimpleName());
            return new PaymentUnavailable("Stripe could not be reached; retry with the same idempotency key", failure);
        }
        StripeError error = failure.error();
        LOG.log(Level.WARNING, "Stripe unavailable: {0} (HTTP {1}, code {2}, request-id {3})",
                error == null ? "unreadable answer" : error.type(), failure.httpStatus(),
                error == null ? null : error.code(), failure.requestId());
        String what = error == null ? "Stripe's answer could not be read" : "Stripe failed";
        return new PaymentUnavailable(what + " (HTTP " + failure.httpStatus() + "); retry with the same idempotency key",
                failure);
    }

    private static ChargeResult declinedCard(StripeError error, StripeCallFailed failure, ChargeRequest request) {
        ChargeResult.Declined declined = StripeDeclines.declined(error.declineCode(), error.code(), error.message());
        LOG.log(Level.INFO, "Stripe declined a charge: {0} (payment method {1}, request-id {2})",
                declined.code(), LogSafe.paymentMethod(request.paymentMethod()), failure.requestId());
        return declined;
    }

    /**
     * A 400 is final: the same request would fail again. One naming the payment method (no such
     * method, detached, another customer's) is the customer's to fix, as in the sandbox; anything
     * else is more likely our request, so it is declined too (nothing was charged) but logged as ours.
     */
    private static ChargeResult refusedRequest(StripeError error, StripeCallFailed failure, ChargeRequest request) {
        String param = error.param();
        if (param != null && param.startsWith("payment_method")) {
            LOG.log(Level.INFO, "Stripe refused payment method {0}: {1} (request-id {2})",
                    LogSafe.paymentMethod(request.paymentMethod()), error.code(), failure.requestId());
            return new ChargeResult.Declined("invalid_payment_method", "This payment method cannot be charged.");
        }
        LOG.log(Level.WARNING, "Stripe refused our charge request: code {0}, param {1} (request-id {2})",
                error.code(), param, failure.requestId());
        return new ChargeResult.Declined(error.code() != null ? error.code() : "invalid_request",
                "The payment could not be made.");
    }
}
