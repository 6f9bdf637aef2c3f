package dev.smsbilling.autocharge;

/**
 * What the sweep did in one run, as the function returns it under {@code "topUps"}: each
 * unsettled top-up found is counted once as credited, released, left or failed; a sweep that
 * could not list them is one failure and none found.
 */
record SweepSummary(int unsettled, int credited, int released, int left, int failed) {
    static final SweepSummary NONE = new SweepSummary(0, 0, 0, 0, 0);

    String toJson() {
        return "{\"unsettled\":" + unsettled + ",\"credited\":" + credited + ",\"released\":" + released
                + ",\"left\":" + left + ",\"failed\":" + failed + "}";
    }

    static final class Builder {
        private int found;
        private int credited;
        private int released;
        private int left;
        private int failed;

        void add(TopUpSweep.Settled settled) {
            found++;
            switch (settled) {
                case CREDITED -> credited++;
                case RELEASED -> released++;
                case LEFT -> left++;
                case FAILED -> failed++;
            }
        }

        void couldNotList() {
            failed++;
        }

        SweepSummary build() {
            return new SweepSummary(found, credited, released, left, failed);
        }
    }
}
