package dev.smsbilling.bench.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the classes of one cold start came from, from {@code -Xlog:class+load}: the JDK's CDS
 * archive, the JDK's modules, each jar of the classpath, or generated at run time (lambdas,
 * proxies, reflection accessors).
 */
record ClassCensus(int total, int jdkArchived, int jdkLoaded, int generated, Map<String, Integer> bySource) {
    static final String ARCHIVE = "shared objects file";

    static ClassCensus parse(List<String> logLines) {
        int total = 0;
        int archived = 0;
        int jdk = 0;
        int generated = 0;
        Map<String, Integer> bySource = new TreeMap<>();
        for (String line : logLines) {
            int at = line.indexOf(" source: ");
            if (at < 0) {
                continue;
            }
            total++;
            String source = line.substring(at + " source: ".length()).trim();
            if (source.startsWith(ARCHIVE)) {
                archived++;
            } else if (source.startsWith("jrt:/")) {
                jdk++;
            } else if (source.startsWith("file:")) {
                bySource.merge(sourceName(source), 1, Integer::sum);
            } else {
                generated++; // __JVM_LookupDefineClass__, __dynamic_proxy__, instance of another class, ...
            }
        }
        return new ClassCensus(total, archived, jdk, generated, bySource);
    }

    static ClassCensus read(Path log) throws IOException {
        return parse(Files.readAllLines(log));
    }

    /** "dynamodb-2.57.8.jar" for a jar, "launcher/" for a directory. */
    static String sourceName(String source) {
        if (source.endsWith("/")) {
            String dir = source.substring(0, source.length() - 1);
            return dir.substring(dir.lastIndexOf('/') + 1) + "/";
        }
        return source.substring(source.lastIndexOf('/') + 1);
    }

    int fromJar(String jar) {
        return bySource.getOrDefault(jar, 0);
    }
}
