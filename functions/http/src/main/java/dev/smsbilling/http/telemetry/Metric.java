package dev.smsbilling.http.telemetry;

/**
 * The service's CloudWatch metrics, published through the log lines ({@link Telemetry}). Each is
 * published per function (dimension {@code Service}) and summed over all of them (no dimension),
 * which is what the template's alarms watch. Names are part of the dashboard and the alarms:
 * renaming one is a change to template.yaml too.
 */
public enum Metric {
    /** A 500 our code answered: unexpected, and by contract it had no effect. */
    SERVER_ERRORS("ServerErrors", Unit.COUNT),
    /** A refused request (4xx, or a 503 such as payment_unavailable), also by its code. */
    REFUSALS("Refusals", Unit.COUNT),
    SENDS_ACCEPTED("SendsAccepted", Unit.COUNT),
    /** Micro-dollars debited for accepted sends. */
    MICROS_CHARGED("MicrosCharged", Unit.NONE),
    TOP_UPS("TopUps", Unit.COUNT),
    MICROS_TOPPED_UP("MicrosToppedUp", Unit.NONE),
    AUTO_CHARGES_CHARGED("AutoChargesCharged", Unit.COUNT),
    MICROS_AUTO_CHARGED("MicrosAutoCharged", Unit.NONE),
    AUTO_CHARGES_DECLINED("AutoChargesDeclined", Unit.COUNT),
    /** Auto-charge turned off after the last decline allowed in a row. */
    AUTO_CHARGES_DISABLED("AutoChargesDisabled", Unit.COUNT),
    /** Auto-charges whose card's bank asked the holder to authenticate: they wait for a top-up by hand. */
    AUTO_CHARGES_ACTION_REQUIRED("AutoChargesActionRequired", Unit.COUNT),
    /** The processor could not be asked; the next run retries with the same key. */
    AUTO_CHARGES_UNAVAILABLE("AutoChargesUnavailable", Unit.COUNT),
    /** Something unexpected in one account's top-up: for a human. */
    AUTO_CHARGES_FAILED("AutoChargesFailed", Unit.COUNT),
    AUTO_CHARGES_SKIPPED("AutoChargesSkipped", Unit.COUNT),
    /** A top-up whose request died after charging, credited by the sweep: its client never came back. */
    SWEPT_TOP_UPS_CREDITED("SweptTopUpsCredited", Unit.COUNT),
    /** A top-up whose request died before anything was taken, released by the sweep. */
    SWEPT_TOP_UPS_RELEASED("SweptTopUpsReleased", Unit.COUNT),
    /** A top-up the sweep could not settle (no account to credit, something unexpected): for a human. */
    SWEPT_TOP_UPS_FAILED("SweptTopUpsFailed", Unit.COUNT),
    /** A balance write that lost a race and was tried again. */
    WRITE_RETRIES("WriteRetries", Unit.COUNT),
    /** A balance write that lost every race until its deadline; nothing was written. */
    CONTENTION_GIVE_UPS("ContentionGiveUps", Unit.COUNT),
    LATENCY("Latency", Unit.MILLISECONDS);

    /** CloudWatch's unit names. */
    public enum Unit {
        COUNT("Count"), NONE("None"), MILLISECONDS("Milliseconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    private final String metricName;
    private final Unit unit;

    Metric(String metricName, Unit unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    public String metricName() {
        return metricName;
    }

    public Unit unit() {
        return unit;
    }
}
