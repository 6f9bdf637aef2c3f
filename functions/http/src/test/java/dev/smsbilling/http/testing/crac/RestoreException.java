package dev.smsbilling.http.testing.crac;

/** A hook failed after the restore; each failure is suppressed in it, as org.crac reports them. */
public class RestoreException extends Exception {
    private static final long serialVersionUID = 1L;
}
