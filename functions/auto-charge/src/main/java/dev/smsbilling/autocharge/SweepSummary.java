package dev.smsbilling.autocharge;

/** What the sweep did in one run, as the function returns it under {@code "topUps"}. */
record SweepSummary(int unsettled, int credited, int released, int left, int failed) {
    static final SweepSummary NONE = new SweepSummary(0, 0, 0, 0, 0);

    String toJson() {
        return "{\"unsettled\":" + unsettled + ",\"credited\":" + credited + ",\"released\":" + released
                + ",\"left\":" + left + ",\"failed\":" + failed + "}";
    }

    static final class Builder {
        private int credited;
        private int released;
        private int left;
        private int failed;

        void add(TopUpSweep.Settled settled) {
            switch (settled) {
                case CREDITED -> credited++;
                case RELEASED -> released++;
                case LEFT -> left++;
                case FAILED -> failed++;
            }
        }

        SweepSummary build() {
            return new SweepSummary(credited + released + left + failed, credited, released, left, failed);
        }
    }
}
