package dev.smsbilling.autocharge;

/** How one due account fared in a run, as the log names it. */
enum Outcome {
    CHARGED("charged"),
    DECLINED("declined"),
    /** Declined for the last time allowed: auto-charge stopped until the settings change. */
    DISABLED("disabled"),
    /** The card's bank asked its holder to authenticate: not retried until a top-up by hand or new settings. */
    ACTION_REQUIRED("action_required"),
    /** Nothing to do this run: not due any more, held by another run, or no time left. */
    SKIPPED("skipped"),
    /** The processor could not be asked; the next run asks again with the same key. */
    UNAVAILABLE("unavailable"),
    /** Something unexpected; the account stays due and its claim lapses on its own. */
    FAILED("failed");

    private final String logName;

    Outcome(String logName) {
        this.logName = logName;
    }

    String logName() {
        return logName;
    }
}
