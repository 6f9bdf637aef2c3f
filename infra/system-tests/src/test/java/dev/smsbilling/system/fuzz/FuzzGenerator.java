package dev.smsbilling.system.fuzz;

import dev.smsbilling.system.fuzz.FuzzRequest.Expect;
import dev.smsbilling.template.RouteAuth;
import dev.smsbilling.template.RouteSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Generates requests for one route of the template: a valid request of the route, then (mostly)
 * one fault injected into it, whose verdict is known without asking the server: a truncated
 * body is a 400, a missing key a 401, a wrong method a 404, a body over 64 KiB a 413. Faults whose
 * outcome depends on rules the oracle does not model (a flipped byte, a fictional number that
 * matches E.164) only require "2xx or 4xx".
 */
final class FuzzGenerator {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    /** A write that succeeded with a key: what a replay or a reuse of that key needs. */
    record KeyUse(String route, String apiKey, String key, byte[] body) {
    }

    private record Fault(String family, Expect expect) {
    }

    /** Families whose requests reach the table although they fail. */
    private static final List<String> LOOKUPS = List.of("bad-key", "declined-card", "unknown-account-path", "key-reused",
            "replay", "other-tenant", "cursor");

    private final SplittableRandom random;
    private final double databaseShare;
    private final Map<String, int[]> generated = new ConcurrentHashMap<>();
    private final Tenants tenants;
    private final Map<String, Set<String>> methodsByPath;
    private final Map<String, List<KeyUse>> completedKeys = new ConcurrentHashMap<>();

    /**
     * @param databaseShare the share of requests that may reach DynamoDB (a success, or a lookup
     *                      of a key, cursor or account): the emulator answers a few hundred calls
     *                      a second, while a request refused before the database costs microseconds
     */
    FuzzGenerator(SplittableRandom random, Tenants tenants, List<RouteSpec> routes, double databaseShare) {
        this.random = random;
        this.databaseShare = databaseShare;
        this.tenants = tenants;
        this.methodsByPath = routes.stream().collect(Collectors.groupingBy(RouteSpec::path,
                Collectors.mapping(RouteSpec::method, Collectors.toSet())));
    }

    /** Remembers a key whose first request succeeded, for later replays and reuses. */
    void completed(FuzzRequest request) {
        String key = request.header("Idempotency-Key");
        if (key != null && request.apiKey() != null) {
            completedKeys.computeIfAbsent(request.route(), r -> new ArrayList<>())
                    .add(new KeyUse(request.route(), request.apiKey(), key, request.body()));
        }
    }

    FuzzRequest next(RouteSpec route, boolean overHttp) {
        int[] counts = generated.computeIfAbsent(route.routeKey(), k -> new int[2]);
        FuzzRequest request = candidate(route, overHttp);
        for (int tries = 0; tries < 100 && reachesTable(request) && counts[1] + 1 > databaseShare * (counts[0] + 1); tries++) {
            request = candidate(route, overHttp);
        }
        counts[0]++;
        counts[1] += reachesTable(request) ? 1 : 0;
        return request;
    }

    private static boolean reachesTable(FuzzRequest request) {
        Expect.Kind kind = request.expect().kind();
        return kind == Expect.Kind.SUCCESS || kind == Expect.Kind.SUCCESS_OR_CLIENT_ERROR
                || LOOKUPS.stream().anyMatch(request.family()::contains);
    }

    private FuzzRequest candidate(RouteSpec route, boolean overHttp) {
        RouteModel model = RouteModel.forRoute(route.routeKey());
        boolean keyed = route.auth() instanceof RouteAuth.Lambda;
        Builder request = new Builder(route, model, keyed);
        request.overHttp = overHttp;
        List<Fault> faults = new ArrayList<>();
        java.util.Set<Integer> categories = new java.util.HashSet<>();
        int count = random.nextInt(100) < 12 ? 2 : 1;
        while (faults.size() < count) {
            int category = category(request, model, keyed);
            // One fault per part of the request: a second edit of the same part would undo the
            // first. Size, idempotency (a replay resends a stored body) and body are one part.
            if (categories.add(category >= 5 ? 5 : category)) {
                faults.add(fault(category, request, model, overHttp));
            }
        }
        Expect expect;
        String family = faults.stream().map(Fault::family).collect(Collectors.joining("+"));
        if (!model.known()) {
            expect = Expect.either();
        } else if (family.contains("other-tenant-cursor") && tenants.b().key().equals(request.apiKey)) {
            // The cursor is B's, and only the key's switch to B made it "foreign": this is simply
            // B reading its own statement.
            expect = Expect.success();
        } else if (faults.size() == 1) {
            expect = faults.get(0).expect();
        } else if (faults.stream().anyMatch(f -> f.expect().kind() == Expect.Kind.STATUS && f.expect().status() >= 400
                || f.expect().kind() == Expect.Kind.CLIENT_ERROR)) {
            expect = Expect.clientError();
        } else if (faults.stream().allMatch(f -> f.expect().kind() == Expect.Kind.SUCCESS)) {
            expect = Expect.success();
        } else {
            expect = Expect.either();
        }
        return request.build(expect, family);
    }

    private int category(Builder r, RouteModel model, boolean keyed) {
        boolean body = model.hasBody();
        int[] weights = {
            r.route.routeKey().equals("POST /internal/accounts") ? 8 : body ? 25 : 60, // valid
            body ? 50 : 200,                                                           // wrong method
            keyed ? (body ? 100 : 250) : 0,                                            // authorization
            body ? 40 : 200,                                                           // query
            body ? 30 : 120,                                                           // path
            body ? 40 : 100,                                                           // size
            model.idempotency() == RouteModel.Idempotency.IGNORED ? 0 : 60,            // idempotency key
            body ? 600 : 70,                                                           // body
        };
        int total = java.util.Arrays.stream(weights).sum();
        int roll = random.nextInt(total);
        int family = 0;
        while (roll >= weights[family]) {
            roll -= weights[family++];
        }
        return family;
    }

    private Fault fault(int family, Builder r, RouteModel model, boolean overHttp) {
        boolean body = model.hasBody();
        switch (family) {
            case 0:
                return new Fault("valid", Expect.success());
            case 1:
                return wrongMethod(r, overHttp);
            case 2:
                return authorization(r);
            case 3:
                return query(r, overHttp);
            case 4:
                return path(r);
            case 5:
                return size(r, model, overHttp);
            case 6:
                return idempotency(r, model);
            default:
                break;
        }
        if (!body) {
            // Nothing more to break in the request itself: a body, which a GET ignores.
            r.body = random.nextBoolean() ? "{\"limit\":0}".getBytes(StandardCharsets.UTF_8) : randomBytes(random.nextInt(200));
            return new Fault("ignored-body", Expect.success());
        }
        int kind = random.nextInt(11);
        return switch (kind) {
            case 0 -> truncate(r, model);
            case 1, 2 -> byteMutation(r);
            case 3, 4 -> wrongType(r, model);
            case 5 -> missingField(r, model);
            case 6 -> badValue(r, model);
            case 7 -> structure(r, model);
            case 8 -> nesting(r);
            case 9 -> rawBytes(r);
            default -> media(r);
        };
    }

    private Fault wrongMethod(Builder r, boolean overHttp) {
        Set<String> served = methodsByPath.getOrDefault(r.route.path(), Set.of());
        List<String> others = new ArrayList<>(METHODS.stream().filter(m -> !served.contains(m)).toList());
        if (!overHttp && !served.contains("HEAD")) {
            others.add("HEAD");
        }
        r.method = Hostile.pick(random, others);
        return new Fault("wrong-method", Expect.status(404));
    }

    private Fault authorization(Builder r) {
        String key = tenants.a().key();
        switch (random.nextInt(8)) {
            case 0 -> {
                r.headers.remove("Authorization");
                r.apiKey = null;
                return new Fault("no-key", Expect.status(401));
            }
            case 1 -> {
                r.headers.put("Authorization", "");
                r.apiKey = null;
                return new Fault("empty-key", Expect.status(401));
            }
            case 2 -> {
                r.headers.put("Authorization", (random.nextBoolean() ? "Bearer " : "bearer  ") + key);
                return new Fault("bearer-key", Expect.success());
            }
            case 3 -> {
                r.headers.put("Authorization", tenants.b().key());
                r.apiKey = tenants.b().key();
                return new Fault("other-tenant-key", Expect.either());
            }
            default -> {
                r.headers.put("Authorization", Hostile.badAuthorization(random, key));
                r.apiKey = null;
                return new Fault("bad-key", Expect.status(401));
            }
        }
    }

    private Fault query(Builder r, boolean overHttp) {
        String routeKey = r.route.routeKey();
        if (routeKey.equals("GET /v1/billing/transactions")) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    r.query = "limit=" + Hostile.pick(random, List.of("0", "101", "-1", "abc", "1e2", "", "1.5", "100000000000",
                            "%00", "50%20", "+5", "0x10", "1000", "2,3")) + (random.nextBoolean() ? "" : "&limit=5");
                    return new Fault("bad-limit", Expect.status(400));
                }
                case 1 -> {
                    r.query = "cursor=" + Hostile.pick(random, List.of("", "garbage", "djEuMS4w", "v1.1.0000000000000000",
                            "%FF%FE", "x".repeat(201), "djEuOTk5OTk5OTk5OTk5OS5hYWFhYWFhYWFhYWFhYWFh", "../../etc/passwd"));
                    return new Fault("bad-cursor", Expect.status(400));
                }
                case 2 -> {
                    r.query = "cursor=" + tenants.b().cursor();
                    return new Fault("other-tenant-cursor", Expect.status(400));
                }
                case 3 -> {
                    r.query = "limit=" + (1 + random.nextInt(100)) + "&cursor=" + tenants.a().cursor();
                    return new Fault("own-cursor", Expect.success());
                }
                default -> {
                    r.query = "limit=" + (1 + random.nextInt(100)) + (random.nextBoolean() ? "&junk=%E2%82%AC" : "");
                    return new Fault("limit", Expect.success());
                }
            }
        }
        if (routeKey.equals("GET /v1/pricing/rates")) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    r.query = "country=" + Hostile.pick(random, List.of("GB", "US", "CA"));
                    return new Fault("country", Expect.success());
                }
                case 1 -> {
                    r.query = "country=" + Hostile.pick(random, List.of("ZZ", "XX", "QQ"));
                    return new Fault("unknown-country", Expect.status(404));
                }
                default -> {
                    r.query = "country=" + Hostile.pick(random, List.of("", "gb", "GBR", "%00", "G", "%E2%82%AC", "GB,US"));
                    return new Fault("bad-country", Expect.either());
                }
            }
        }
        // The JDK's HTTP server refuses a malformed escape itself (a plain-text 400), so only in-process.
        r.query = Hostile.pick(random, overHttp ? List.of("limit=0", "x=" + "y".repeat(3000), "=&&=", "%00=%00", "cursor=abc")
                : List.of("limit=0", "a=%ZZ", "x=" + "y".repeat(3000), "=&&=", "%00=%00", "cursor=abc"));
        return new Fault("ignored-query", Expect.success());
    }

    private Fault path(Builder r) {
        if (r.route.path().contains("{accountId}")) {
            String id = Hostile.pick(random, List.of("BA" + hex(32), "BA" + hex(31), "ACCOUNT%23x", "%00", "..", ".",
                    "a%2Fb", "x".repeat(65), "BA" + hex(32) + "%20", "%E2%82%AC", "APIKEY", "null"));
            r.path = r.route.path().replace("{accountId}", id);
            return new Fault("unknown-account-path", Expect.status(404));
        }
        r.path = Hostile.pick(random, List.of(r.path + "/", r.path + "/x", "/" + r.path, r.path.toUpperCase(java.util.Locale.ROOT),
                "/%2F" + r.path.substring(1), "/v2" + r.path, r.path + "%00", r.path + "%20"));
        return new Fault("wrong-path", Expect.status(404));
    }

    private Fault size(Builder r, RouteModel model, boolean overHttp) {
        int roll = random.nextInt(4);
        if (roll == 0) {
            // Over a socket, exactly one byte over: the server stops reading there, and unread
            // bytes would make the kernel reset the connection before the 413 is read.
            r.body = randomBytes(64 * 1024 + 1 + (overHttp ? 0 : random.nextInt(300_000)));
            return new Fault("oversized", Expect.status(413));
        }
        // A valid body padded by an ignored field to exactly 64 KiB - 1, 64 KiB or 64 KiB + 1.
        int target = 64 * 1024 + roll - 2;
        Map<String, String> fields = new LinkedHashMap<>(r.fields == null ? Map.of() : r.fields);
        fields.put("pad", "\"\"");
        int bare = RouteModel.render(fields).getBytes(StandardCharsets.UTF_8).length;
        fields.put("pad", Hostile.quote("p".repeat(Math.max(0, target - bare))));
        r.fields = fields;
        r.body = null;
        if (target > 64 * 1024) {
            return new Fault("64KiB+1", Expect.status(413));
        }
        return new Fault(target == 64 * 1024 ? "64KiB" : "64KiB-1",
                model.hasBody() ? Expect.success() : Expect.success());
    }

    private Fault idempotency(Builder r, RouteModel model) {
        List<KeyUse> used = completedKeys.getOrDefault(r.route.routeKey(), List.of()).stream()
                .filter(u -> u.apiKey().equals(tenants.a().key())).toList();
        int roll = random.nextInt(5);
        if (roll == 0 && !used.isEmpty()) {
            KeyUse use = Hostile.pick(random, used);
            r.headers.put("Idempotency-Key", use.key());
            r.body = use.body();
            return new Fault("replay", Expect.success());
        }
        if (roll == 1 && !used.isEmpty()) {
            KeyUse use = Hostile.pick(random, used);
            r.headers.put("Idempotency-Key", use.key());
            if (new String(r.body(), StandardCharsets.UTF_8).equals(new String(use.body(), StandardCharsets.UTF_8))) {
                return new Fault("replay", Expect.success());
            }
            return new Fault("key-reused", Expect.either()); // a body that differs only in spelling replays
        }
        if (roll == 2 && model.idempotency() == RouteModel.Idempotency.REQUIRED) {
            r.headers.remove("Idempotency-Key");
            return new Fault("missing-idempotency-key", Expect.status(400));
        }
        if (roll == 3) {
            r.headers.put("Idempotency-Key", Hostile.token(random, 255).replace(',', 'c'));
            return new Fault("idempotency-key-255", Expect.success());
        }
        r.headers.put("Idempotency-Key", Hostile.badIdempotencyKey(random, r.overHttp));
        return new Fault("bad-idempotency-key", Expect.status(400));
    }

    private Fault truncate(Builder r, RouteModel model) {
        byte[] full = r.body();
        int cut = random.nextInt(full.length);
        r.body = java.util.Arrays.copyOf(full, cut);
        boolean blank = new String(r.body, StandardCharsets.UTF_8).isBlank();
        return new Fault("truncated", blank && model.emptyBodyIsValid() ? Expect.success() : Expect.status(400));
    }

    private Fault byteMutation(Builder r) {
        byte[] body = r.body();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(Math.max(1, body.length));
        int length = 1 + random.nextInt(Math.max(1, Math.min(16, body.length - at)));
        switch (random.nextInt(4)) {
            case 0 -> { // flip
                body = body.clone();
                body[at] = (byte) random.nextInt(256);
                r.body = body;
                return new Fault("byte-flip", Expect.either());
            }
            case 1 -> { // duplicate a slice
                out.write(body, 0, Math.min(body.length, at + length));
                out.write(body, at, Math.min(length, body.length - at));
                out.write(body, Math.min(body.length, at + length), Math.max(0, body.length - at - length));
            }
            case 2 -> { // delete a slice
                out.write(body, 0, at);
                out.write(body, Math.min(body.length, at + length), Math.max(0, body.length - at - length));
            }
            default -> { // insert syntax
                out.write(body, 0, at);
                out.writeBytes(Hostile.pick(random, List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\u0000", "null"))
                        .getBytes(StandardCharsets.UTF_8));
                out.write(body, at, body.length - at);
            }
        }
        r.body = out.toByteArray();
        return new Fault("byte-edit", Expect.either());
    }

    private Fault wrongType(Builder r, RouteModel model) {
        if (model.fields().isEmpty()) {
            return byteMutation(r);
        }
        String field = Hostile.pick(random, List.copyOf(model.fields().keySet()));
        RouteModel.Field spec = model.fields().get(field);
        String value = switch (spec.type()) {
            case MONEY -> random.nextBoolean() ? Hostile.pick(random, Hostile.BAD_MONEY) : Hostile.pick(random, Hostile.NOT_INTEGERS);
            case INTEGER -> Hostile.pick(random, Hostile.NOT_INTEGERS);
            case BOOLEAN -> Hostile.pick(random, Hostile.NOT_BOOLEANS);
            case RECIPIENTS -> Hostile.pick(random, List.of("\"+14155552671\"", "[]", "[\"+14155552671\",\"+14155552672\"]",
                    "[14155552671]", "{}", "[null]", "[[\"+14155552671\"]]", "[{\"number\":\"+14155552671\"}]", "true", "1"));
            default -> Hostile.pick(random, Hostile.NOT_STRINGS);
        };
        r.fields().put(field, value);
        r.body = null;
        return new Fault("wrong-type:" + field, Expect.status(400));
    }

    private Fault missingField(Builder r, RouteModel model) {
        List<String> required = r.fields().keySet().stream()
                .filter(f -> model.fields().containsKey(f) && model.fields().get(f).required()).toList();
        if (required.isEmpty()) {
            return wrongType(r, model);
        }
        String field = Hostile.pick(random, required);
        if (random.nextBoolean()) {
            r.fields().remove(field);
        } else {
            r.fields().put(field, "null");
        }
        r.body = null;
        return new Fault("missing:" + field, Expect.status(400));
    }

    private Fault badValue(Builder r, RouteModel model) {
        List<String> names = List.copyOf(model.fields().keySet());
        if (names.isEmpty()) {
            return byteMutation(r);
        }
        String field = Hostile.pick(random, names);
        RouteModel.Field spec = model.fields().get(field);
        r.body = null;
        switch (spec.type()) {
            case CONTENT -> {
                r.fields().put(field, Hostile.quote(Hostile.badContent(random)));
                return new Fault("bad-content", Expect.status(400));
            }
            case RECIPIENTS -> {
                String phone = Hostile.pick(random, Hostile.PHONES);
                r.fields().put(field, "[" + Hostile.quote(phone) + "]");
                return new Fault("phone", Hostile.E164.matcher(phone).matches() ? Expect.either()
                        : Expect.status(400));
            }
            case PAYMENT_METHOD -> {
                if (r.route.routeKey().equals("POST /v1/billing/funds") && random.nextBoolean()) {
                    r.fields().put(field, Hostile.quote(Hostile.pick(random,
                            List.of("pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds"))));
                    return new Fault("declined-card", Expect.status(402));
                }
                r.fields().put(field, Hostile.quote(Hostile.pick(random, List.of("", "pm_", "card_visa", "pm_card visa",
                        "pm_" + "a".repeat(101), "pm_card_visa\u0000", "pm_card-visa", "PM_CARD_VISA", "pm_caf\u00E9",
                        "pm_card_visa\n"))));
                if (r.route.routeKey().equals("PUT /v1/billing/auto-charge") && !r.fields().containsKey("enabled")) {
                    r.fields().put("enabled", "false");
                }
                return new Fault("bad-payment-method", Expect.status(400));
            }
            case MONEY -> {
                r.fields().put(field, Hostile.pick(random, Hostile.BAD_MONEY));
                return new Fault("bad-amount", Expect.status(400));
            }
            case BOOLEAN -> {
                r.fields().put(field, Hostile.pick(random, Hostile.NOT_BOOLEANS));
                return new Fault("bad-boolean", Expect.status(400));
            }
            default -> {
                String value = Hostile.pick(random, List.of("", "ACTIVE", "Active", "enabled", "done ", "US", "PN",
                        "\uD800", "x".repeat(5000), "+1", "open"));
                r.fields().put(field, Hostile.quote(value));
                return new Fault("bad-string:" + field, Expect.status(400));
            }
        }
    }

    private Fault structure(Builder r, RouteModel model) {
        switch (random.nextInt(4)) {
            case 0 -> {
                String name = r.fields().isEmpty() ? "x" : r.fields().keySet().iterator().next();
                String text = RouteModel.render(r.fields());
                r.body = (text.substring(0, text.length() - 1) + (r.fields().isEmpty() ? "" : ",") + Hostile.quote(name) + ":"
                        + (r.fields().isEmpty() ? "1," + Hostile.quote(name) + ":2" : r.fields().get(name)) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                return new Fault("duplicate-key", Expect.status(400));
            }
            case 1 -> {
                String top = Hostile.pick(random, List.of("[]", "\"text\"", "123", "null", "true", "[" + RouteModel.render(r.fields()) + "]",
                        "1e400", "{}{}", RouteModel.render(r.fields()) + "x", RouteModel.render(r.fields()) + "{}"));
                r.body = top.getBytes(StandardCharsets.UTF_8);
                return new Fault("not-an-object", Expect.status(400));
            }
            case 2 -> {
                r.body = (Hostile.pick(random, List.of("", " ", "\n\t ", "\r\n"))).getBytes(StandardCharsets.UTF_8);
                return new Fault("empty-body", model.emptyBodyIsValid() ? Expect.success() : Expect.status(400));
            }
            default -> {
                String text = RouteModel.render(r.fields());
                // Escaped in the JSON text: a raw lone surrogate cannot even be encoded as UTF-8.
                r.body = (text.substring(0, text.length() - 1) + (r.fields().isEmpty() ? "" : ",") + "\"\\ud800name\":1}")
                        .getBytes(StandardCharsets.UTF_8);
                return new Fault("lone-surrogate-name", Expect.status(400));
            }
        }
    }

    private Fault nesting(Builder r) {
        int depth = random.nextBoolean() ? 32 + random.nextInt(40) : 1000 + random.nextInt(40_000);
        boolean arrays = random.nextBoolean();
        String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
        r.fields().put("deep", nested);
        r.body = null;
        // The top object is level 1, so the field's value starts at level 2: depth 32 or more is over 32.
        return new Fault("deep-nesting", Expect.status(400));
    }

    private Fault rawBytes(Builder r) {
        String text = RouteModel.render(r.fields());
        int quote = text.lastIndexOf('"');
        byte[] bad = Hostile.pick(random, List.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xED, (byte) 0xB0, (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] before = text.substring(0, Math.max(0, quote)).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(before);
        out.writeBytes(bad);
        out.writeBytes(text.substring(Math.max(0, quote)).getBytes(StandardCharsets.UTF_8));
        r.body = out.toByteArray();
        if (random.nextBoolean()) {
            // No textual Content-Type: the gateway passes base64 and the function decodes strictly.
            r.headers.remove("Content-Type");
            return new Fault("invalid-utf8-binary", Expect.status(400));
        }
        return new Fault("invalid-utf8-text", Expect.either());
    }

    private Fault media(Builder r) {
        if (!r.route.routeKey().startsWith("POST /v1/messages")) {
            r.fields().put("media", "[\"https://example.com/a.png\"]");
            r.body = null;
            return new Fault("media-ignored", Expect.success());
        }
        r.fields().put(Hostile.pick(random, List.of("media", "mediaUrls", "attachments")),
                Hostile.pick(random, List.of("[]", "null", "[\"https://example.com/a.png\"]", "\"x\"")));
        r.body = null;
        return new Fault("media", Expect.status(400));
    }

    private String hex(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** A request being built: the valid one first, then the faults edit it. */
    private final class Builder {
        final RouteSpec route;
        boolean overHttp;
        String method;
        String path;
        String query = "";
        final Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> fields;
        byte[] body;
        String apiKey;

        Builder(RouteSpec route, RouteModel model, boolean keyed) {
            this.route = route;
            this.method = route.method().equals("ANY") ? "POST" : route.method();
            this.path = route.path().replace("{accountId}", tenants.c().id()).replaceAll("\\{[^}]+}", "x");
            headers.put("Content-Type", Hostile.pick(random, List.of("application/json", "application/json", "application/json; charset=utf-8",
                    "text/plain", "application/vnd.api+json")));
            if (keyed) {
                headers.put("Authorization", tenants.a().key());
                apiKey = tenants.a().key();
            }
            if (model.idempotency() == RouteModel.Idempotency.REQUIRED
                    || model.idempotency() == RouteModel.Idempotency.OPTIONAL && random.nextBoolean()) {
                headers.put("Idempotency-Key", "fuzz-" + Long.toHexString(random.nextLong()));
            }
            if (model.hasBody()) {
                fields = new LinkedHashMap<>(model.validBody().apply(random, tenants));
            }
        }

        Map<String, String> fields() {
            if (fields == null) {
                fields = new LinkedHashMap<>();
            }
            return fields;
        }

        byte[] body() {
            if (body != null) {
                return body;
            }
            return fields == null ? new byte[0] : RouteModel.render(fields).getBytes(StandardCharsets.UTF_8);
        }

        FuzzRequest build(Expect expect, String family) {
            byte[] bytes = body();
            // The gateway measures the body before anything else, whatever else is wrong.
            Expect verdict = bytes.length > 64 * 1024 ? Expect.status(413) : expect;
            return new FuzzRequest(route.routeKey(), method, path, query, headers, bytes, verdict, apiKey, family);
        }
    }
}
