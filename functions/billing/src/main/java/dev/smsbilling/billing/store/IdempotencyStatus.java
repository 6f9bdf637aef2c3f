package dev.smsbilling.billing.store;

/** IN_PROGRESS holds a key while a request talks to the outside world; COMPLETED keeps its answer. */
public enum IdempotencyStatus {
    IN_PROGRESS,
    COMPLETED
}
