package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.CreditResult;
import dev.smsbilling.billing.store.DebitResult;
import dev.smsbilling.billing.store.DebitResult.InsufficientFunds;
import dev.smsbilling.billing.store.DebitResult.SubscriptionInactive;
import dev.smsbilling.billing.store.DueMark;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.PendingCharge;
import dev.smsbilling.billing.store.SettleResult;
import dev.smsbilling.billing.store.SettleResult.AlreadyRecorded;
import dev.smsbilling.billing.store.WriteOutcome;
import java.time.Instant;
import java.util.Optional;

/** What differs between a debit and a credit; the protocol that applies them is {@link BalanceWriter}'s. */
sealed interface BalanceChange<R> permits BalanceChange.Debit, BalanceChange.CreditChange, BalanceChange.AutoChargeCredit {

    /** A refusal decided from the account as read, with nothing written. */
    Optional<R> refusal(Account account);

    R outcome(WriteOutcome outcome);

    EntryType type();

    /** Signed: negative for a debit. */
    long amountMicros();

    EntryDetails details();

    /** What the same write does to the auto-charge state, decided from the account as read. */
    AutoChargeEffect effect(Account account, long balanceAfterMicros, Instant now);

    record Debit(MessageCharge charge, String messageId) implements BalanceChange<DebitResult> {
        @Override
        public Optional<DebitResult> refusal(Account account) {
            if (!account.isActive()) {
                return Optional.of(new SubscriptionInactive(account.id()));
            }
            if (account.balanceMicros() < charge.costMicros()) {
                return Optional.of(new InsufficientFunds(account.balanceMicros(), charge.costMicros()));
            }
            return Optional.empty();
        }

        @Override
        public DebitResult outcome(WriteOutcome outcome) {
            return outcome;
        }

        @Override
        public EntryType type() {
            return EntryType.MESSAGE_CHARGE;
        }

        @Override
        public long amountMicros() {
            return Math.negateExact(charge.costMicros());
        }

        @Override
        public EntryDetails details() {
            return new EntryDetails.Message(messageId, EntryDetails.Message.QUEUED, charge);
        }

        /**
         * Every debit that leaves the balance below the threshold marks the account due (a no-op
         * when it already is), not only the one that crosses it: a later send heals a mark that a
         * settings save racing an earlier debit failed to set.
         */
        @Override
        public AutoChargeEffect effect(Account account, long balanceAfterMicros, Instant now) {
            return account.shouldBeDueAt(balanceAfterMicros)
                    ? new AutoChargeEffect.MarkDue(Ids.crossing(), now)
                    : AutoChargeEffect.NONE;
        }
    }

    record CreditChange(Credit credit) implements BalanceChange<CreditResult> {
        @Override
        public Optional<CreditResult> refusal(Account account) {
            return Optional.empty();
        }

        @Override
        public CreditResult outcome(WriteOutcome outcome) {
            return outcome;
        }

        @Override
        public EntryType type() {
            return credit.type();
        }

        @Override
        public long amountMicros() {
            return credit.amountMicros();
        }

        @Override
        public EntryDetails details() {
            return new EntryDetails.Payment(credit.paymentReference());
        }

        @Override
        public AutoChargeEffect effect(Account account, long balanceAfterMicros, Instant now) {
            return AutoChargeEffect.NONE;
        }
    }

    /**
     * The credit of a scheduled top-up that was charged. Never refused for the balance, the
     * settings or the subscription (the money was taken); refused only when the charge is no
     * longer pending, because then another run has already credited it.
     */
    record AutoChargeCredit(PendingCharge charge, long chargedMicros, String paymentReference)
            implements BalanceChange<SettleResult> {
        @Override
        public Optional<SettleResult> refusal(Account account) {
            boolean stillPending = account.due().flatMap(DueMark::pending)
                    .filter(pending -> pending.chargeKey().equals(charge.chargeKey())).isPresent();
            return stillPending ? Optional.empty() : Optional.of(new AlreadyRecorded(account.id()));
        }

        @Override
        public SettleResult outcome(WriteOutcome outcome) {
            return outcome;
        }

        @Override
        public EntryType type() {
            return EntryType.AUTO_CHARGE;
        }

        @Override
        public long amountMicros() {
            return chargedMicros;
        }

        @Override
        public EntryDetails details() {
            return new EntryDetails.Payment(paymentReference);
        }

        @Override
        public AutoChargeEffect effect(Account account, long balanceAfterMicros, Instant now) {
            return new AutoChargeEffect.Settle(charge.chargeKey());
        }
    }
}
