package dev.smsbilling.billing.store;

import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.KeySeenBefore.KeyReused;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The account and ledger store: what handlers call, and map the results of; they never build a
 * request. Every balance change is all or nothing: the new balance, its ledger entry and, with an
 * Idempotency-Key, its idempotency record commit together or not at all, so the ledger stays
 * gapless and always sums to the balance. Refusals are sealed results with nothing written; only
 * a spent deadline ({@link WriteDeadlineExceeded}), an unanswered write ({@link WriteOutcomeUnknown})
 * or a broken table throw. Implementations are thread-safe; build one per Lambda instance.
 */
public interface BillingStore {

    /** Opens an account with a zero balance, reachable through the API key whose hash is given. */
    Account createAccount(Subscription subscription, String apiKeyHash);

    /** Strongly consistent. */
    Optional<Account> readAccount(String accountId);

    /** Returns false when there is no such account. */
    boolean setSubscription(String accountId, Subscription subscription);

    /**
     * Saves the account's customer at the payment processor, once: the first saved stays, so
     * every charge of the account names one customer, whichever of two concurrent first top-ups
     * saved it. Balance and ledger are untouched.
     *
     * @return the customer now saved on the account (the given one, or the one saved before);
     *     empty when there is no such account
     */
    Optional<String> savePaymentCustomer(String accountId, String customer);

    /**
     * Replaces the account's auto-charge settings and resets its failure history (status ok, no
     * last error, no declines). Balance and ledger are untouched. Enabled while the balance is
     * already below the threshold, the account becomes due for the scheduled run.
     *
     * @return the saved auto-charge, or empty when there is no such account (nothing written)
     */
    Optional<AutoCharge> saveAutoChargeSettings(String accountId, AutoChargeSettings settings);

    /** The account of an API key, given its {@link dev.smsbilling.http.auth.ApiKeys#hash}; empty when unknown or revoked. */
    Optional<String> accountForApiKeyHash(String apiKeyHash);

    /** Returns false when there is no such key. */
    boolean revokeApiKey(String apiKeyHash);

    /**
     * Charges a message to the balance and records it, or refuses with nothing written. The ledger
     * entry is the message's record (status queued) and carries a new message id {@code AC...}.
     *
     * @param renderer builds the response from the entry about to be written; with a key it is
     *     stored in the same transaction and replayed to retries
     * @throws WriteDeadlineExceeded when conflicts outlasted the deadline; nothing was written
     */
    DebitResult debit(String accountId, MessageCharge charge, Optional<Idempotency> idempotency,
                      ResponseRenderer renderer, Deadline deadline);

    /**
     * Puts money into the balance: funds added, an auto-charge or a refund. Never refused for the
     * balance or the subscription (the money has usually been taken already). With a key held by
     * {@link #beginIdempotentRequest}, the credit completes that hold.
     *
     * @throws WriteDeadlineExceeded when conflicts outlasted the deadline; nothing was written
     */
    CreditResult credit(String accountId, Credit credit, Optional<Idempotency> idempotency,
                        ResponseRenderer renderer, Deadline deadline);

    /**
     * Holds a key IN_PROGRESS before work that cannot be undone (charging a card). {@code hold}
     * should cover the rest of the invocation: once it passes, the hold counts as abandoned and a
     * retry of the same request may take it over (and, the processor being idempotent on the same
     * key, find the same charge).
     */
    BeginResult beginIdempotentRequest(String accountId, Idempotency idempotency, Duration hold);

    /**
     * Marks the hold's charge as possibly sent, just before sending it. False when the hold is no
     * longer this holder's (another attempt took it over as abandoned): then do not charge.
     */
    boolean startCharge(String accountId, Idempotency idempotency, Started hold);

    /**
     * Frees a held key after a 4xx, which must not consume it, or once its charge is known never
     * to have been taken. False when the hold is no longer {@code hold}'s (completed, or taken over
     * as abandoned: then the attempt that holds it now decides).
     */
    boolean releaseIdempotentRequest(String accountId, Idempotency idempotency, Started hold);

    /**
     * Top-up holds whose charge may have been sent and that nobody completed or released, whose
     * charge was first about to be sent before {@code chargedBefore}, oldest first, at most
     * {@code limit}: what the sweep settles. Read from a sparse index, so it may lag a moment:
     * taking the hold over ({@link #beginIdempotentRequest}) decides, on the item itself.
     */
    List<UnsettledTopUp> unsettledTopUps(Instant chargedBefore, int limit);

    /**
     * What the key already says about this request, by the rule every keyed write applies: its
     * first answer ({@link Replayed}), another request's key ({@link KeyReused}), or empty when
     * nothing stands in the way. For a handler that must answer a retry before it could write
     * afresh (a send whose country has since lost its rate is still replayed).
     */
    Optional<KeySeenBefore> keySeenBefore(String accountId, Idempotency idempotency);

    /** A key's record, unless absent or past its 24 hours. */
    Optional<IdempotencyRecord> lookupIdempotency(String accountId, String idempotencyKey);

    /**
     * A page of the ledger, newest first.
     *
     * @param limit 1..100
     * @param cursor the {@code nextCursor} of the previous page of this same account
     * @throws InvalidCursorException for a cursor not issued to this account
     */
    TransactionPage transactions(String accountId, int limit, Optional<String> cursor);

    /**
     * Accounts waiting for an auto-charge, oldest crossing first, at most {@code limit}. Read from
     * the sparse index, so it may lag a moment: {@link #claimAutoCharge} decides on the account itself.
     */
    List<String> dueAccounts(int limit);

    /**
     * Takes a due account for one run until {@code lease} has passed, with the one charge the run
     * may make. A run that dies keeps the account due; once the lease lapses the next run claims
     * it again and gets the same charge (same key, card and amount).
     */
    ClaimResult claimAutoCharge(String accountId, Duration lease);

    /**
     * Credits a charged top-up and ends the crossing in one transaction: ledger entry
     * {@code auto_charge} with the payment reference, due mark, claim and pending charge cleared,
     * status ok, no last error, no declines. Credited whatever the balance or settings are by now,
     * since the money was taken.
     *
     * @throws WriteDeadlineExceeded when conflicts outlasted the deadline; nothing was written and
     *     the account stays due with its pending charge, so a later run credits it
     */
    SettleResult creditAutoCharge(AutoChargeClaim claim, long chargedMicros, String paymentReference,
                                  Deadline deadline);

    /**
     * Records a declined top-up: status failing, the error, one more decline, claim released and
     * the account still due (the next run tries once more, with a new key); the
     * {@link AutoCharge#MAX_CONSECUTIVE_DECLINES}th decline in a row disables it and clears the mark.
     *
     * @return the status recorded, or empty when another run had recorded this decline already
     */
    Optional<AutoChargeStatus> recordAutoChargeDecline(AutoChargeClaim claim, String error);

    /**
     * Records that the card's bank asked its holder to authenticate the auto-charge: status
     * action_required with the error, the claim released and the account no longer due, the
     * declines not counted. No run charges it again until {@link #resumeAutoCharge} or new settings.
     *
     * @return false when another run holding the same charge recorded its outcome first
     */
    boolean requireAutoChargeAction(AutoChargeClaim claim, String error);

    /**
     * After a top-up by hand, with the card's holder there: an auto-charge in action_required is
     * ok again (declines and error cleared); any other status is left as it is. The next debit that
     * leaves the balance below the threshold makes the account due.
     *
     * @return whether it was waiting for the holder
     */
    boolean resumeAutoCharge(String accountId);

    /**
     * Marks the claimed charge as sent, just before sending it: from then on it is settled
     * whatever the settings say, while a charge planned but never sent is planned afresh by the
     * next run. False when the claim lapsed (another run may hold the account): then do not charge.
     */
    boolean startAutoCharge(AutoChargeClaim claim);

    /**
     * Gives the claim back when the charge's outcome is unknown (processor unreachable). The
     * pending charge stays, so the next run asks the processor again with the same key.
     */
    boolean releaseAutoChargeClaim(AutoChargeClaim claim);
}
