package dev.smsbilling.billing.payment;

import java.time.Instant;
import java.util.Optional;

/**
 * Charges a customer's payment method. Implementations must be idempotent on
 * {@link ChargeRequest#idempotencyKey()}: a retry after a crash has to find the first charge,
 * not make a second one, because the credit that follows is only written once the charge is known.
 */
public interface PaymentProcessor {

    /**
     * The account's customer at the processor: whom its charges are made for, and whose saved
     * cards they may use (Stripe refuses a card attached to another customer). Idempotent on the
     * account: asked again, by a retry or a concurrent first top-up, it answers the same customer
     * for as long as the processor keeps idempotency keys (Stripe: 24 hours). The caller saves
     * the first answer on the account and asks again only when none is saved.
     *
     * @throws PaymentUnavailable when the processor cannot say now; no charge is made either way
     */
    String customerFor(String accountId) throws PaymentUnavailable;

    /**
     * Starts saving a card to {@code customer} for later charges without the customer present.
     * The card is saved once the page confirms the setup; a charge then names the saved card.
     * Idempotent on {@code idempotencyKey}.
     *
     * @throws PaymentUnavailable when the processor cannot say now; nothing is saved or charged
     */
    CardSetup setUpCard(String customer, String idempotencyKey) throws PaymentUnavailable;

    /**
     * Whether {@code paymentMethod} may be charged for {@code customer}: a card saved to it, or,
     * in test mode, one of the processor's test tokens (each a card just entered). Any other is
     * refused as {@link ChargeResult#NOT_SAVED} (or as an invalid payment method), so a card saved
     * by another account, or one nobody saved, charges nobody. Asked before a charge is first
     * sent, never of a charge that may already exist: that one is settled as it is, whatever has
     * become of the card since.
     *
     * @return the refusal, or empty when the card may be charged
     * @throws PaymentUnavailable when the processor cannot say now; nothing was charged
     */
    Optional<ChargeResult.Declined> refuseUnlessSaved(String customer, String paymentMethod) throws PaymentUnavailable;

    /**
     * Charges {@code request.paymentMethod()} for {@code request.customer()}; a first attempt has
     * been through {@link #refuseUnlessSaved}.
     *
     * @throws PaymentUnavailable when the processor cannot be reached or fails; the outcome is
     *     unknown, so the caller must retry with the same idempotency key rather than give up
     * @throws PaymentKeyReused when the key was already used for a different charge
     */
    ChargeResult charge(ChargeRequest request) throws PaymentUnavailable;

    /**
     * What became of the charge made under {@code idempotencyKey}, asked without ever making one:
     * how the sweep settles a top-up whose request died after it may have charged, when nobody
     * is left to retry it.
     *
     * @param from no charge under the key can have been made earlier
     * @param to nor later: together they bound the search
     * @return empty when no charge was ever made under the key; a decline when one was tried and
     *     took nothing; a success when the money was taken
     * @throws PaymentUnavailable when the processor cannot say now (unreachable, still processing);
     *     never {@link PaymentNotAttempted}, which would say a charge surely does not exist
     */
    Optional<ChargeResult> find(String idempotencyKey, Instant from, Instant to) throws PaymentUnavailable;
}
