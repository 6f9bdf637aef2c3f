package dev.smsbilling.template;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One {@code AWS::Serverless::Function} of the template, as far as running it outside Lambda
 * needs: the handler class Lambda would load, its timeout, the deployment zip, the JVM flags
 * Lambda would give it, and whether its policies reach DynamoDB at all.
 *
 * @param codeUri the deployment zip, relative to the checkout (empty when the template names none)
 * @param javaToolOptions the {@code JAVA_TOOL_OPTIONS} of its environment, the function's own over Globals'
 */
public record FunctionSpec(String name, String handlerClass, String handlerMethod, Duration timeout,
                           String codeUri, List<String> javaToolOptions, boolean usesDynamoDb) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handlerClass, "handlerClass");
        Objects.requireNonNull(handlerMethod, "handlerMethod");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(codeUri, "codeUri");
        javaToolOptions = List.copyOf(javaToolOptions);
    }

    /** A function known only by its handler (no zip, no flags, no DynamoDB): for routing and tests. */
    public FunctionSpec(String name, String handlerClass, String handlerMethod, Duration timeout) {
        this(name, handlerClass, handlerMethod, timeout, "", List.of(), false);
    }

    /** {@code class::method}, as template.yaml writes it. */
    public String handler() {
        return handlerClass + "::" + handlerMethod;
    }

    /** The zip's base name: {@code functions/add-funds/target/add-funds.zip} is {@code add-funds}. */
    public String artifactName() {
        String file = codeUri.substring(codeUri.lastIndexOf('/') + 1);
        return file.endsWith(".zip") ? file.substring(0, file.length() - 4) : file;
    }
}
