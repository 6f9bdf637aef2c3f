package dev.smsbilling.http.testing.crac;

/** What org.crac registers its resources with, by reflection on this name. */
public abstract class Context<R extends Resource> implements Resource {
    protected Context() {
    }

    public abstract void register(R resource);
}
