package dev.smsbilling.billing.store;

import java.util.Objects;

/** What a ledger entry is about, beyond the money: the message it paid for, or the payment behind a credit. */
public sealed interface EntryDetails {

    /** A message charge is also the message's record, so the two can never disagree. */
    record Message(String messageId, String status, MessageCharge charge) implements EntryDetails {
        public static final String QUEUED = "queued";

        public Message {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(charge, "charge");
        }
    }

    /** A credit names where its money came from (a processor charge, or what a refund refers to). */
    record Payment(String paymentReference) implements EntryDetails {
        public Payment {
            Objects.requireNonNull(paymentReference, "paymentReference");
            if (paymentReference.isBlank()) {
                throw new IllegalArgumentException("paymentReference must not be blank");
            }
        }
    }
}
