package dev.smsbilling.http.testing.crac;

/** What org.crac's proxy of a registered {@code org.crac.Resource} implements. */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
