package dev.smsbilling.bench.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/** What a deployment zip weighs and what is in its lib/. */
record ZipContents(long bytes, List<Jar> jars) {
    /** A jar of lib/: its name, its compressed size in the zip, and its Maven group. */
    record Jar(String name, long bytes, String group) {
    }

    /** HTTP clients that must never be packaged (DESIGN: url-connection only). */
    static final List<String> FORBIDDEN = List.of("apache-client", "apache5-client", "netty-nio-client", "aws-crt-client");

    static ZipContents of(Path zip) throws IOException {
        List<Jar> jars = new ArrayList<>();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                    String group;
                    try (InputStream in = archive.getInputStream(entry)) {
                        group = mavenGroup(in);
                    }
                    jars.add(new Jar(entry.getName().substring(4), entry.getCompressedSize(), group));
                }
            }
        }
        jars.sort(Comparator.comparingLong(Jar::bytes).reversed());
        return new ZipContents(Files.size(zip), jars);
    }

    List<Jar> biggest(int n) {
        return jars.subList(0, Math.min(n, jars.size()));
    }

    List<String> forbiddenPresent() {
        return jars.stream().map(Jar::name).filter(n -> FORBIDDEN.stream().anyMatch(f -> n.startsWith(f + "-"))).toList();
    }

    long bytesOfGroup(String groupPrefix) {
        return jars.stream().filter(j -> j.group().startsWith(groupPrefix)).mapToLong(Jar::bytes).sum();
    }

    long countOfGroup(String groupPrefix) {
        return jars.stream().filter(j -> j.group().startsWith(groupPrefix)).count();
    }

    /** The groupId of a jar's META-INF/maven/&lt;group&gt;/ directory, or "?". */
    private static String mavenGroup(InputStream jar) throws IOException {
        ZipInputStream in = new ZipInputStream(jar);
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
            String name = e.getName();
            if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                return name.split("/")[2];
            }
        }
        return "?";
    }

}
