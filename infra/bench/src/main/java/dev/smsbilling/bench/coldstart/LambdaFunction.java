package dev.smsbilling.bench.coldstart;

import java.util.List;

/**
 * One {@code AWS::Serverless::Function} of template.yaml, as far as a cold start needs it.
 *
 * @param logicalId  the resource name, e.g. {@code QuoteFunction}
 * @param codeUri    the deployment zip, relative to the checkout
 * @param handler    {@code class::method}
 * @param routeKeys  its HttpApi routes ({@code POST /v1/messages}), in template order
 * @param authorizer whether the HTTP API uses it as its Lambda authorizer
 * @param scheduled  whether a Schedule event invokes it
 * @param javaOptions the JAVA_TOOL_OPTIONS Lambda would give its JVM (Globals, then the function's own)
 * @param usesDynamoDb whether its policies allow any DynamoDB action
 */
public record LambdaFunction(String logicalId, String codeUri, String handler, List<String> routeKeys,
                             boolean authorizer, boolean scheduled, String javaOptions, boolean usesDynamoDb) {
    public LambdaFunction {
        routeKeys = List.copyOf(routeKeys);
    }

    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    public String handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }

    /** The zip's base name ({@code functions/add-funds/target/add-funds.zip} is {@code add-funds}). */
    public String name() {
        String file = codeUri.substring(codeUri.lastIndexOf('/') + 1);
        return file.endsWith(".zip") ? file.substring(0, file.length() - 4) : file;
    }

    /** The JVM flags of this function in Lambda, as a list. */
    public List<String> javaOptionList() {
        return javaOptions.isBlank() ? List.of() : List.of(javaOptions.trim().split("\\s+"));
    }
}
