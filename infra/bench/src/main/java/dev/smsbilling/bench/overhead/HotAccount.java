package dev.smsbilling.bench.overhead;

/**
 * The arithmetic of one hot account: every item of an account shares its partition key, so all
 * of its traffic lands on one partition, which serves at most {@value #PARTITION_WCU} WCU and
 * {@value #PARTITION_RCU} RCU per second.
 */
public final class HotAccount {
    public static final int PARTITION_WCU = 1000;
    public static final int PARTITION_RCU = 3000;

    private HotAccount() {
    }

    /** Sends per second one partition's write units allow. */
    public static double writeBound(double wcuPerSend) {
        return PARTITION_WCU / wcuPerSend;
    }

    /** Sends per second one partition's read units allow. */
    public static double readBound(double rcuPerSend) {
        return PARTITION_RCU / rcuPerSend;
    }

    /**
     * Sends per second when commits on the account are serial: each debit must read the account
     * after the previous commit and then commit its own transaction, {@code roundTrips} requests
     * of {@code millisPerRequest} each, with no conflict.
     */
    public static double serialBound(double millisPerRequest, int roundTrips) {
        return 1000.0 / (millisPerRequest * roundTrips);
    }

    /** Partitions the writes of {@code sendsPerSecond} need at {@code wcuPerSend}. */
    public static int partitionsFor(double sendsPerSecond, double wcuPerSend) {
        return (int) Math.ceil(sendsPerSecond * wcuPerSend / PARTITION_WCU);
    }
}
