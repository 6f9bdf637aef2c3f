package dev.smsbilling.billing.payment;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * What a failed Stripe call means for the charge: a decline (nothing was charged, the customer
 * can act), a reused key (our bug), or unavailable (the outcome is unknown, retry with the key).
 *
 * <p>Log lines carry codes, HTTP statuses and Stripe's request ids, never Stripe's messages:
 * those can quote the payment method id or part of the API key.
 */
final class StripeErrors {
    private static final Logger LOG = System.getLogger(StripePaymentProcessor.class.getName());

    private StripeErrors() {
    }

    static ChargeResult outcome(StripeException e, ChargeRequest request) throws PaymentUnavailable {
        if (e instanceof CardException card) {
            return declinedCard(card, request);
        }
        if (e instanceof IdempotencyException) {
            LOG.log(Level.ERROR, "Stripe refused a reused idempotency key with other parameters (request-id {0})", e.getRequestId());
            throw new PaymentKeyReused(request.idempotencyKey());
        }
        if (e instanceof InvalidRequestException invalid) {
            return refusedRequest(invalid, request);
        }
        if (e instanceof AuthenticationException || e instanceof PermissionException) {
            // Our key is wrong, revoked or lacks a permission: an operator must fix the
            // configuration. Loud, but the cause is not chained, as its message quotes the key.
            LOG.log(Level.ERROR, "Stripe refused our API key (HTTP {0}, code {1}, request-id {2}): "
                    + "check the configured Stripe secret key; no charge can succeed until it is fixed",
                    e.getStatusCode(), e.getCode(), e.getRequestId());
            throw new PaymentUnavailable("Stripe refused our API key (HTTP " + e.getStatusCode() + ")");
        }
        // Rate limits, 5xx after the client's own retries, timeouts and lost connections: the
        // charge may or may not exist at Stripe, and only a retry with the same key can tell.
        boolean noAnswer = e instanceof ApiConnectionException;
        LOG.log(Level.WARNING, "Stripe unavailable: {0} (HTTP {1}, code {2}, request-id {3})",
                e.getClass().getSimpleName(), noAnswer ? "-" : e.getStatusCode(), e.getCode(), e.getRequestId());
        String what = noAnswer ? "could not be reached" : "failed (HTTP " + e.getStatusCode() + ")";
        throw new PaymentUnavailable("Stripe " + what + "; retry with the same idempotency key", e);
    }

    private static ChargeResult declinedCard(CardException card, ChargeRequest request) {
        StripeError error = card.getStripeError();
        ChargeResult.Declined declined = StripeDeclines.declined(
                card.getDeclineCode(), card.getCode(), error == null ? null : error.getMessage());
        LOG.log(Level.INFO, "Stripe declined a charge: {0} (payment method {1}, request-id {2})",
                declined.code(), LogSafe.paymentMethod(request.paymentMethod()), card.getRequestId());
        return declined;
    }

    /**
     * A 400 is final: the same request would fail again. One naming the payment method (no such
     * method, detached, another customer's) is the customer's to fix, as in the sandbox; anything
     * else is more likely our request, so it is declined too (nothing was charged) but logged as ours.
     */
    private static ChargeResult refusedRequest(InvalidRequestException invalid, ChargeRequest request) {
        String param = invalid.getParam();
        if (param != null && param.startsWith("payment_method")) {
            LOG.log(Level.INFO, "Stripe refused payment method {0}: {1} (request-id {2})",
                    LogSafe.paymentMethod(request.paymentMethod()), invalid.getCode(), invalid.getRequestId());
            return new ChargeResult.Declined("invalid_payment_method", "This payment method cannot be charged.");
        }
        LOG.log(Level.WARNING, "Stripe refused our charge request: code {0}, param {1} (request-id {2})",
                invalid.getCode(), param, invalid.getRequestId());
        return new ChargeResult.Declined(invalid.getCode() != null ? invalid.getCode() : "invalid_request",
                "The payment could not be made.");
    }
}
