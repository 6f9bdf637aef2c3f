package dev.smsbilling.billing.store;

import java.util.Optional;

/** What differs between a debit and a credit; the protocol that applies them is {@link BalanceWriter}'s. */
sealed interface BalanceChange<R> permits BalanceChange.Debit, BalanceChange.CreditChange {

    /** A refusal decided from the account as read, with nothing written. */
    Optional<R> refusal(Account account);

    R outcome(WriteOutcome outcome);

    EntryType type();

    /** Signed: negative for a debit. */
    long amountMicros();

    EntryDetails details();

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
    }
}
