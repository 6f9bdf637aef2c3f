package dev.smsbilling.http.testing.crac;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The global context and the checkpoint org.crac calls. Every resource registered in this JVM
 * stays registered, as in a function's JVM: a snapshot runs all of them, not only a test's own.
 */
public final class Core {
    private static final Global GLOBAL = new Global();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** How many resources are registered: the number of hooks a snapshot runs. */
    public static int registered() {
        return GLOBAL.resources.size();
    }

    /** Runs every hook as a snapshot and its restore would; a failure is reported after all have run. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        try {
            GLOBAL.beforeCheckpoint(null);
        } finally {
            GLOBAL.afterRestore(null);
        }
    }

    private static final class Global extends Context<Resource> {
        private final List<Resource> resources = new CopyOnWriteArrayList<>();

        @Override
        public void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
            List<Resource> reversed = new ArrayList<>(resources);
            Collections.reverse(reversed);
            CheckpointException failed = new CheckpointException();
            for (Resource resource : reversed) {
                try {
                    resource.beforeCheckpoint(this);
                } catch (Exception e) {
                    failed.addSuppressed(e);
                }
            }
            if (failed.getSuppressed().length > 0) {
                throw failed;
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) throws RestoreException {
            RestoreException failed = new RestoreException();
            for (Resource resource : resources) {
                try {
                    resource.afterRestore(this);
                } catch (Exception e) {
                    failed.addSuppressed(e);
                }
            }
            if (failed.getSuppressed().length > 0) {
                throw failed;
            }
        }
    }
}
