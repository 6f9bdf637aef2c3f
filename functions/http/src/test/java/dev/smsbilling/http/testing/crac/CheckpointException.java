package dev.smsbilling.http.testing.crac;

/** A hook failed before the snapshot; each failure is suppressed in it, as org.crac reports them. */
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;
}
