package dev.smsbilling.bench.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Builds the tiny classpaths of the launcher and the floors, and unpacks deployment zips. */
final class Classpaths {
    private Classpaths() {
    }

    /** Copies the class files of {@code anchor}'s package whose names start with one of {@code prefixes}. */
    static Path copyClasses(Class<?> anchor, Path destination, String... prefixes) throws IOException {
        String packagePath = anchor.getPackageName().replace('.', '/');
        Path target = destination.resolve(packagePath);
        Files.createDirectories(target);
        Path codeSource;
        try {
            codeSource = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(codeSource)) {
            copyMatching(codeSource.resolve(packagePath), target, prefixes);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + codeSource.toUri()), Map.of())) {
                copyMatching(jar.getPath(packagePath), target, prefixes);
            }
        }
        return destination;
    }

    private static void copyMatching(Path from, Path to, String... prefixes) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && Stream.of(prefixes).anyMatch(p -> name.equals(p + ".class") || name.startsWith(p + "$"))) {
                    Files.copy(file, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The jar of this JVM's classpath whose file name starts with {@code artifactId-} and a digit. */
    static Path jarOnClasspath(String artifactId) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && name.startsWith(artifactId + "-")
                    && Character.isDigit(name.charAt(artifactId.length() + 1))) {
                return Path.of(entry);
            }
        }
        throw new IllegalStateException(artifactId + " is not on the harness's classpath");
    }

    /** Unpacks a deployment zip; its classpath is the root, then lib/*.jar by name. */
    static List<Path> unpack(Path zip, Path destination) throws IOException {
        Files.createDirectories(destination);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                Path out = destination.resolve(entry.getName()).normalize();
                if (!out.startsWith(destination)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(destination);
        Path lib = destination.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                List<Path> sorted = new ArrayList<>(jars.filter(j -> j.toString().endsWith(".jar")).toList());
                Collections.sort(sorted);
                classpath.addAll(sorted);
            }
        }
        return classpath;
    }

    /** The files of {@code dir} as a jar, lib/ left out (it is on the classpath jar by jar). */
    static Path jar(Path dir, Path jar) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(file).toString().replace(File.separatorChar, '/');
                if (name.startsWith("lib/")) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
