package dev.smsbilling.bench.coldstart.launcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * What the Lambda Java runtime does for a cold invocation, and nothing more: load the handler
 * class named by template.yaml's {@code Handler}, construct it with its no-arg constructor, and
 * call it once with one event. Runs in a fresh JVM whose classpath is this launcher's own tiny
 * directory followed by the function's unpacked deployment zip (root, then lib/*.jar).
 *
 * <p>Prints {@value #MARKER} as soon as the first response is complete (the harness stops its
 * clock on that line), then the phases as this JVM saw them, then the response.
 *
 * <p>Deliberately plain code: no string concatenation (javac compiles it to invokedynamic, whose
 * first use costs milliseconds), no lambdas, no JSON library, so that what is measured is the
 * function, not the launcher.
 *
 * <p>Arguments: {@code class::method}, the event file, and optionally the number of invocations
 * (the second one shows what is left once the classes of the request path are loaded: what a
 * SnapStart priming hook could remove). With {@value #PRIME_PROPERTY} set, the function's priming
 * hooks run after its constructor and the first invocation is timed after them: a restored
 * snapshot, less the restore itself.
 */
public final class LambdaLauncher {
    public static final String MARKER = "COLDSTART-RESPONSE";
    public static final String PHASES = "COLDSTART-PHASES";
    public static final String BODY = "COLDSTART-BODY";
    /** Set to true: run the function's SnapStart priming hooks after constructing it, untimed. */
    public static final String PRIME_PROPERTY = "coldstart.prime";
    /**
     * The package org.crac delegates its checkpoint to; the harness names http's test stand-in,
     * copied into the launcher's directory, so priming runs through org.crac's own API.
     */
    public static final String CHECKPOINT_PROPERTY = "org.crac.Core.Compat";

    private LambdaLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        long mainStart = System.nanoTime();
        String handler = args[0];
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        byte[] event = Files.readAllBytes(Paths.get(args[1]));
        int invocations = args.length > 2 ? Integer.parseInt(args[2]) : 1;

        ClassLoader loader = ClassLoader.getSystemClassLoader();
        Class<?> type = Class.forName(className, true, loader);
        Object instance = type.getDeclaredConstructor().newInstance();
        long primed = 0;
        int primingSteps = 0;
        if (Boolean.getBoolean(PRIME_PROPERTY)) {
            // What SnapStart runs before its snapshot; a restored instance starts from here.
            long start = System.nanoTime();
            Class.forName("org.crac.Core", true, loader).getMethod("checkpointRestore").invoke(null);
            primed = System.nanoTime() - start;
            String checkpoint = System.getProperty(CHECKPOINT_PROPERTY);
            primingSteps = ((Integer) Class.forName(new StringBuilder(checkpoint).append(".Core").toString(), true, loader)
                    .getMethod("registered").invoke(null)).intValue();
        }
        long constructed = System.nanoTime();

        byte[] response = invoke(instance, event, loader);
        long answered = System.nanoTime();

        PrintStream out = System.out;
        out.println(MARKER);
        out.flush();

        long[] later = new long[Math.max(0, invocations - 1)];
        for (int i = 0; i < later.length; i++) {
            long start = System.nanoTime();
            invoke(instance, event, loader);
            later[i] = System.nanoTime() - start;
        }

        StringBuilder phases = new StringBuilder(PHASES)
                .append(" main_ns=").append(mainStart)
                .append(" init_us=").append((constructed - mainStart) / 1000)
                .append(" invoke_us=").append((answered - constructed) / 1000)
                .append(" prime_us=").append(primed / 1000)
                .append(" prime_steps=").append(primingSteps);
        for (long nanos : later) {
            phases.append(" again_us=").append(nanos / 1000);
        }
        out.println(phases);
        String body = new String(response, StandardCharsets.UTF_8).replace('\n', ' ');
        out.println(new StringBuilder(BODY).append(' ').append(body.length() > 400 ? body.substring(0, 400) : body));
        out.flush();
        System.exit(0); // SDK and pool threads must not keep the JVM alive
    }

    private static byte[] invoke(Object instance, byte[] event, ClassLoader loader) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Context context = new MinimalContext(10_000);
        if (instance instanceof RequestStreamHandler) {
            ((RequestStreamHandler) instance).handleRequest(new ByteArrayInputStream(event), output, context);
        } else if (instance instanceof RequestHandler) {
            // A separate class: the serialisation library is loaded only for a RequestHandler.
            PojoInvocation.invoke((RequestHandler<?, ?>) instance, new ByteArrayInputStream(event), output, context, loader);
        } else {
            throw new IllegalArgumentException(new StringBuilder(instance.getClass().getName())
                    .append(" is neither a RequestStreamHandler nor a RequestHandler").toString());
        }
        return output.toByteArray();
    }
}
