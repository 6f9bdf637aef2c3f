package dev.smsbilling.system.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * What the fuzzer knows of one route's request: a generator of valid bodies (field name to raw
 * JSON value), the type of each field, whether the Idempotency-Key header is read, the query and
 * path parameters. Known per route key; a route of the template without a model still gets
 * fuzzed, with the generic model, whose every answer may be 2xx or 4xx but never 5xx.
 */
record RouteModel(BiFunction<SplittableRandom, Tenants, Map<String, String>> validBody, Map<String, Field> fields,
                  Idempotency idempotency, boolean emptyBodyIsValid, boolean known) {

    enum Type { STRING, INTEGER, MONEY, BOOLEAN, CONTENT, RECIPIENTS, PAYMENT_METHOD }

    enum Idempotency { IGNORED, OPTIONAL, REQUIRED }

    record Field(Type type, boolean required) {
    }

    boolean hasBody() {
        return validBody != null;
    }

    static RouteModel forRoute(String routeKey) {
        return switch (routeKey) {
            case "POST /v1/messages/quote" -> new RouteModel(RouteModel::message, Map.of(
                    "content", new Field(Type.CONTENT, true), "to", new Field(Type.RECIPIENTS, true),
                    "from", new Field(Type.STRING, false)), Idempotency.IGNORED, false, true);
            case "POST /v1/messages" -> new RouteModel(RouteModel::message, Map.of(
                    "content", new Field(Type.CONTENT, true), "to", new Field(Type.RECIPIENTS, true),
                    "from", new Field(Type.STRING, true), "userId", new Field(Type.STRING, false),
                    "setInboxStatus", new Field(Type.STRING, false)), Idempotency.OPTIONAL, false, true);
            case "POST /v1/billing/funds" -> new RouteModel((random, tenants) -> fields(
                    "amountMicros", String.valueOf((500 + random.nextLong(20_000)) * 10_000),
                    "paymentMethod", Hostile.quote(random.nextBoolean() ? "pm_card_visa" : "pm_card_mastercard")),
                    Map.of("amountMicros", new Field(Type.MONEY, true), "paymentMethod", new Field(Type.PAYMENT_METHOD, true)),
                    Idempotency.REQUIRED, false, true);
            case "PUT /v1/billing/auto-charge" -> new RouteModel(RouteModel::autoCharge, Map.of(
                    "enabled", new Field(Type.BOOLEAN, true), "thresholdMicros", new Field(Type.MONEY, false),
                    "amountMicros", new Field(Type.MONEY, false), "paymentMethod", new Field(Type.PAYMENT_METHOD, false)),
                    Idempotency.IGNORED, false, true);
            case "POST /internal/accounts" -> new RouteModel((random, tenants) -> fields("subscription",
                    Hostile.quote(random.nextBoolean() ? "active" : "inactive")),
                    Map.of("subscription", new Field(Type.STRING, false)), Idempotency.IGNORED, true, true);
            case "PUT /internal/accounts/{accountId}/subscription" -> new RouteModel((random, tenants) -> fields("status",
                    Hostile.quote(random.nextInt(4) == 0 ? "inactive" : "active")),
                    Map.of("status", new Field(Type.STRING, true)), Idempotency.IGNORED, false, true);
            case "GET /v1/billing/balance", "GET /v1/billing/transactions", "GET /v1/pricing/rates" ->
                    new RouteModel(null, Map.of(), Idempotency.IGNORED, true, true);
            default -> new RouteModel((random, tenants) -> fields("value", Hostile.quote(Hostile.ascii(random, 8))),
                    Map.of(), Idempotency.IGNORED, true, false);
        };
    }

    private static Map<String, String> message(SplittableRandom random, Tenants tenants) {
        Map<String, String> body = fields(
                "content", Hostile.quote(Hostile.content(random, random.nextInt(10) == 0 ? 1600 : 200)),
                "from", Hostile.quote(random.nextInt(4) == 0 ? "PNabc" + random.nextInt(1_000_000) : "+14155550100"),
                "to", "[" + Hostile.quote(Hostile.pick(random, tenants.destinations())) + "]");
        if (random.nextInt(5) == 0) {
            body.put("userId", Hostile.quote("US" + random.nextInt(1_000_000)));
        }
        if (random.nextInt(5) == 0) {
            body.put("setInboxStatus", Hostile.quote("done"));
        }
        if (random.nextInt(5) == 0) {
            body.put("unknownField", random.nextBoolean() ? "{\"nested\":[1,2,{\"x\":null}]}" : "\"ignored\"");
        }
        return body;
    }

    private static Map<String, String> autoCharge(SplittableRandom random, Tenants tenants) {
        if (random.nextInt(4) == 0) {
            return fields("enabled", "false");
        }
        return fields("enabled", "true",
                "thresholdMicros", String.valueOf((100 + random.nextLong(99_901)) * 10_000),
                "amountMicros", String.valueOf((1_000 + random.nextLong(499_001)) * 10_000),
                "paymentMethod", Hostile.quote("pm_card_visa"));
    }

    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    static String render(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(Hostile.quote(name)).append(':').append(value);
        });
        return json.append('}').toString();
    }
}
