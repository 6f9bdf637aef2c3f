package dev.smsbilling.autocharge;

import java.util.List;

/**
 * What a run's auto-charges did, as the function returns it: {@code {"due", "charged", "declined",
 * "skipped", "topUps"}}, the last being what its sweep of dead top-ups did.
 */
record RunSummary(int due, int charged, int declined, int skipped) {

    /** Every account found due is counted once: a decline that disabled is still a decline; all else is skipped. */
    static RunSummary of(List<AccountResult> results) {
        int charged = 0;
        int declined = 0;
        for (AccountResult result : results) {
            switch (result.outcome()) {
                case CHARGED -> charged++;
                case DECLINED, DISABLED, ACTION_REQUIRED -> declined++;
                default -> {
                }
            }
        }
        return new RunSummary(results.size(), charged, declined, results.size() - charged - declined);
    }

    /** With the sweep's summary of the same run beside it. */
    String toJson(SweepSummary topUps) {
        return "{\"due\":" + due + ",\"charged\":" + charged + ",\"declined\":" + declined + ",\"skipped\":" + skipped
                + ",\"topUps\":" + topUps.toJson() + "}";
    }
}
