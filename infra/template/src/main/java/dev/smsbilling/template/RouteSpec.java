package dev.smsbilling.template;

/** One {@code HttpApi} event of a function: the route it answers and how callers are authorised. */
public record RouteSpec(String method, String path, FunctionSpec function, RouteAuth auth) {

    /** API Gateway's name for the route, e.g. {@code POST /v1/accounts/{accountId}}. */
    public String routeKey() {
        return method + " " + path;
    }

    public boolean isAnyMethod() {
        return method.equals("ANY");
    }
}
