package dev.smsbilling.endpoint;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of this checkout (template.yaml, events/) from tests and the local runner. */
public final class Repository {
    private Repository() {
    }

    /**
     * The checkout's root: the {@code repo.root} system property (set by the build), else the
     * nearest directory above the working directory that holds template.yaml.
     */
    public static Path root() {
        String configured = System.getProperty("repo.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath()
                + "; run from the checkout or set -Drepo.root");
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }
}
