package dev.smsbilling.system.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.http.testing.FunctionCall;
import dev.smsbilling.http.testing.FunctionCall.Response;
import dev.smsbilling.system.bank.History.Attempt;
import dev.smsbilling.system.bank.History.KeyedRequest;
import dev.smsbilling.system.bank.History.Route;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One customer's code (several accounts' worth): a seeded stream of sends, top-ups, retries,
 * reads, settings changes and scheduled runs, each with the faults the dice arm. It checks each
 * answer against what the contract allows, and leaves the money checks to the audit.
 */
final class Client implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GSM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     .,!?-:;()@£$é";
    private static final String GSM_EXTENSION = "{}[]~^|€\\";
    private static final int[] NON_GSM = {'ж', '中', 0x1F600, 'ś', 'ł', 'ğ', 0x2014};
    private static final List<String> GOOD_CARDS = List.of("pm_card_visa", "pm_card_mastercard", "pm_card_visa_debit");
    private static final List<String> BAD_CARDS = List.of("pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds");

    private final int number;
    private final Bank bank;
    private final History history;
    private final Destinations destinations;
    private final SplittableRandom random;
    private final int operations;
    private final Tally ops;
    private final Tally statuses;
    private int sequence;

    Client(int number, Bank bank, History history, Destinations destinations, SplittableRandom random, int operations,
           Tally ops, Tally statuses) {
        this.number = number;
        this.bank = bank;
        this.history = history;
        this.destinations = destinations;
        this.random = random;
        this.operations = operations;
        this.ops = ops;
        this.statuses = statuses;
    }

    /** Destinations sorted by what the pricer makes of them, found at set-up. */
    record Destinations(List<String> local, List<String> international, List<String> unsupported, List<String> invalid) {
    }

    @Override
    public void run() {
        for (int i = 0; i < operations; i++) {
            bank.clock.advance(Duration.ofMillis(random.nextInt(1_500)));
            int dice = random.nextInt(100);
            try {
                if (dice < 45) {
                    newSend();
                } else if (dice < 48) {
                    newTopUp();
                } else if (dice < 57) {
                    autoChargeRun();
                } else if (dice < 70) {
                    retry();
                } else if (dice < 74) {
                    alteredRetry();
                } else if (dice < 82) {
                    balance();
                } else if (dice < 90) {
                    statement();
                } else if (dice < 97) {
                    autoChargeSettings(account());
                } else {
                    subscription();
                }
            } catch (RuntimeException | AssertionError e) {
                history.violation("client_crashed", "client " + number + ": " + e);
            }
        }
    }

    // ---- sends -------------------------------------------------------------------------------

    private void newSend() {
        String account = account();
        String body = sendBody();
        if (random.nextInt(10) < 6) {
            ops.add("send.keyed");
            KeyedRequest request = history.keyed(Route.SEND, account, "send-" + number + "-" + (++sequence), body);
            attempt(request, body, false, armSend());
        } else {
            ops.add("send.unkeyed");
            Faults faults = armSend();
            Response answer = call(Route.SEND, account, null, body, faults);
            expect("send", answer, faults, Set.of(202, 400, 402, 403, 422));
            if (answer.status() == 202) {
                history.acknowledged(new History.UnkeyedSend(account, answer.body()));
            } else if (answer.status() == 500 || "outcome_unknown".equals(answer.code())) {
                // The client cannot tell whether the message was sent and charged.
                history.ambiguous(account);
                ops.add("send.unkeyed.ambiguous");
            }
        }
    }

    private Faults armSend() {
        Faults faults = new Faults();
        int dice = random.nextInt(100);
        if (dice < 7) {
            faults.loseWriteReply.set(true);
        } else if (dice < 13) {
            faults.throttles.set(1 + random.nextInt(3));
        } else if (dice < 18) {
            faults.conflicts.set(1 + random.nextInt(3));
        } else if (dice < 20) {
            faults.slowWriteReply.set(true);
        }
        return faults;
    }

    private String sendBody() {
        ObjectNode body = JSON.createObjectNode();
        int kind = random.nextInt(100);
        String to;
        if (kind < 45) {
            to = pick(destinations.local());
        } else if (kind < 90) {
            to = pick(destinations.international());
        } else if (kind < 95) {
            to = pick(destinations.unsupported());
        } else {
            to = pick(destinations.invalid());
        }
        body.put("content", content());
        body.put("from", "+14155550100");
        body.putArray("to").add(to);
        int odd = random.nextInt(100);
        if (odd < 2) {
            body.put("content", "   ");
        } else if (odd < 4) {
            body.putArray("mediaUrls").add("https://example.com/cat.jpg");
        } else if (odd < 5) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("to")).add("+14155552671");
        }
        return body.toString();
    }

    private String content() {
        int length = random.nextInt(100);
        int size = length < 40 ? 1 + random.nextInt(160) : length < 65 ? 160 + random.nextInt(340) : 500 + random.nextInt(1_100);
        boolean unicode = random.nextInt(100) < 25;
        StringBuilder text = new StringBuilder("x");
        for (int i = 1; i < size; i++) {
            int dice = random.nextInt(100);
            if (unicode && dice < 4) {
                text.appendCodePoint(NON_GSM[random.nextInt(NON_GSM.length)]);
            } else if (dice < 6) {
                text.append(GSM_EXTENSION.charAt(random.nextInt(GSM_EXTENSION.length())));
            } else {
                text.append(GSM.charAt(random.nextInt(GSM.length())));
            }
        }
        return text.toString();
    }

    // ---- top-ups -------------------------------------------------------------------------------

    private void newTopUp() {
        ops.add("top_up");
        String account = account();
        String body = topUpBody(5_000_000L + 10_000L * random.nextInt(random.nextInt(100) < 80 ? 500 : 4_500),
                random.nextInt(100) < 85 ? pick(GOOD_CARDS) : pick(BAD_CARDS));
        // A quarter of top-ups come from code that never retries: a top-up it left charged and
        // uncredited is the sweep's to finish, which the audit's "processor charges = credits" checks.
        boolean abandoned = random.nextInt(100) < 25;
        KeyedRequest request = history.keyed(Route.FUNDS, account, "topup-" + number + "-" + (++sequence), body, abandoned);
        Faults faults = armTopUp();
        if (abandoned && random.nextInt(100) < 40) {
            faults.crashAfterCharge.set(true); // the case that needs the sweep: charged, and nobody comes back
        }
        attempt(request, body, false, faults);
    }

    private Faults armTopUp() {
        Faults faults = new Faults();
        int dice = random.nextInt(100);
        if (dice < 7) {
            faults.loseWriteReply.set(true);
        } else if (dice < 15) {
            faults.crashAfterCharge.set(true);
        } else if (dice < 20) {
            faults.processorUnavailable.set(true);
        } else if (dice < 24) {
            faults.throttles.set(1 + random.nextInt(3));
        } else if (dice < 28) {
            faults.conflicts.set(1 + random.nextInt(3));
        } else if (dice < 31) {
            faults.slowWriteReply.set(true);
        }
        return faults;
    }

    static String topUpBody(long amountMicros, String card) {
        return "{\"amountMicros\":" + amountMicros + ",\"paymentMethod\":\"" + card + "\"}";
    }

    // ---- retries -------------------------------------------------------------------------------

    private void retry() {
        Optional<KeyedRequest> earlier = history.anyKeyed(random);
        if (earlier.isEmpty()) {
            return;
        }
        KeyedRequest request = earlier.get();
        ops.add("retry." + request.route.name().toLowerCase());
        attempt(request, request.body, false, request.route == Route.SEND ? armSend() : armTopUp());
    }

    /** The same key with another body, after it succeeded once: 422, and nothing may happen. */
    private void alteredRetry() {
        Optional<KeyedRequest> earlier = history.anyAnswered(random);
        if (earlier.isEmpty()) {
            return;
        }
        KeyedRequest request = earlier.get();
        ops.add("retry_altered." + request.route.name().toLowerCase());
        String altered;
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(request.body);
            if (request.route == Route.SEND) {
                body.put("content", "Edited: " + content().substring(0, 1) + " " + random.nextInt(1000));
                body.remove("mediaUrls");
                body.putArray("to").add(pick(destinations.local()));
            } else {
                long amount = body.get("amountMicros").asLong();
                body.put("amountMicros", amount >= 5_000_000_000L ? amount - 10_000 : amount + 10_000);
            }
            altered = body.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Response answer = call(request.route, request.accountId, request.key, altered, null);
        request.answered(new Attempt(answer.status(), answer.body(), true, false));
        if (answer.status() != 422 || !"idempotency_key_reused".equals(answer.code())) {
            history.violation("altered_retry_not_refused", request.route + " key " + request.key + " answered "
                    + answer.status() + " " + answer.body());
        }
    }

    /** One attempt of a keyed request with its original body. */
    void attempt(KeyedRequest request, String body, boolean altered, Faults faults) {
        Response answer = call(request.route, request.accountId, request.key, body, faults);
        boolean replayed = "true".equals(answer.headers().get("Idempotent-Replayed"));
        request.answered(new Attempt(answer.status(), answer.body(), altered, replayed));
        if (request.route == Route.SEND) {
            expect("send", answer, faults, Set.of(202, 400, 402, 403, 422));
        } else {
            expect("funds", answer, faults, Set.of(201, 402, 403, 409, 422));
        }
        if (replayed) {
            ops.add("replayed." + request.route.name().toLowerCase());
        }
    }

    // ---- scheduled runs, reads, settings -------------------------------------------------------

    private void autoChargeRun() {
        ops.add("auto_charge_run");
        Faults faults = new Faults();
        int dice = random.nextInt(100);
        if (dice < 12) {
            faults.crashAfterClaim.set(true);
        } else if (dice < 22) {
            faults.crashAfterCharge.set(true);
        } else if (dice < 30) {
            faults.processorUnavailable.set(true);
        } else if (dice < 38) {
            faults.loseWriteReply.set(true);
        } else if (dice < 44) {
            faults.throttles.set(1 + random.nextInt(3));
        }
        JsonNode summary = runAutoCharge(faults);
        ops.add("auto_charge_run.charged", summary.path("charged").asInt());
        ops.add("auto_charge_run.declined", summary.path("declined").asInt());
        ops.add("auto_charge_run.swept_credited", summary.path("topUps").path("credited").asInt());
        ops.add("auto_charge_run.swept_released", summary.path("topUps").path("released").asInt());
    }

    JsonNode runAutoCharge(Faults faults) {
        bank.armed.set(faults);
        try {
            return bank.calls.scheduled(bank.autoCharge);
        } finally {
            bank.armed.remove();
        }
    }

    private void balance() {
        ops.add("read.balance");
        Response answer = bank.calls.http(bank.account, FunctionCall.to("GET", "/v1/billing/balance").account(account()));
        expect("balance", answer, null, Set.of(200));
        if (answer.status() == 200 && answer.json().path("data").path("balanceMicros").asLong() < 0) {
            history.violation("negative_balance_read", answer.body());
        }
    }

    /** One page, newest first: immutable gapless entries, so each line's balance chains to the next. */
    private void statement() {
        ops.add("read.statement");
        String limit = String.valueOf(1 + random.nextInt(random.nextBoolean() ? 10 : 100));
        Response answer = bank.calls.http(bank.account,
                FunctionCall.to("GET", "/v1/billing/transactions").account(account()).query("limit", limit));
        expect("statement", answer, null, Set.of(200));
        if (answer.status() != 200) {
            return;
        }
        JsonNode lines = answer.json().path("data");
        for (int i = 0; i + 1 < lines.size(); i++) {
            long after = lines.get(i).path("balanceAfterMicros").asLong();
            long amount = lines.get(i).path("amountMicros").asLong();
            long before = lines.get(i + 1).path("balanceAfterMicros").asLong();
            if (after - amount != before || after < 0) {
                history.violation("statement_does_not_chain", answer.body());
                return;
            }
        }
    }

    void autoChargeSettings(String account) {
        ops.add("auto_charge_settings");
        boolean enabled = random.nextInt(100) < 80;
        String card = random.nextInt(100) < 85 ? "pm_card_visa" : pick(BAD_CARDS);
        long threshold = List.of(1_000_000L, 2_000_000L, 5_000_000L, 10_000_000L, 15_000_000L).get(random.nextInt(5));
        long amount = List.of(10_000_000L, 20_000_000L, 25_000_000L).get(random.nextInt(3));
        String body = "{\"enabled\":" + enabled + ",\"thresholdMicros\":" + threshold + ",\"amountMicros\":" + amount
                + ",\"paymentMethod\":\"" + card + "\"}";
        Response answer = bank.calls.http(bank.account, FunctionCall.to("PUT", "/v1/billing/auto-charge").account(account).body(body));
        expect("auto_charge_settings", answer, null, Set.of(200));
    }

    private void subscription() {
        ops.add("subscription");
        // Never the hot account, and mostly back to active, so most traffic meets an active subscription.
        List<String> accounts = bank.accountIds;
        String account = accounts.get(1 + random.nextInt(accounts.size() - 1));
        String status = random.nextInt(100) < 80 ? "active" : "inactive";
        Response answer = bank.calls.http(bank.account, FunctionCall.to("PUT", "/internal/accounts/{accountId}/subscription")
                .rawPath("/internal/accounts/" + account + "/subscription").pathParameter("accountId", account)
                .body("{\"status\":\"" + status + "\"}"));
        expect("subscription", answer, null, Set.of(200));
    }

    // ---- plumbing ------------------------------------------------------------------------------

    Response call(Route route, String account, String key, String body, Faults faults) {
        String path = route == Route.SEND ? "/v1/messages" : "/v1/billing/funds";
        Faults armed = faults != null ? faults : new Faults();
        armed.request = account + "|" + key;
        bank.armed.set(armed);
        try {
            return bank.calls.http(route == Route.SEND ? bank.send : bank.funds,
                    FunctionCall.to("POST", path).account(account).header("Idempotency-Key", key).body(body));
        } finally {
            bank.armed.remove();
        }
    }

    /**
     * An answer the contract allows: a 500 only when a fault that fails the invocation fired, a
     * 503 {@code payment_unavailable} only when a fault did, and {@code account_busy} (nothing
     * changed, retry) whenever the account was too contended to finish in time.
     */
    void expect(String what, Response answer, Faults faults, Set<Integer> allowed) {
        statuses.add(what + " " + answer.status() + (answer.status() >= 400 ? " " + answer.code() : ""));
        if (allowed.contains(answer.status())) {
            return;
        }
        boolean faulted = faults != null && faults.fired() > 0;
        if (answer.status() == 500 && faults != null && faults.failing() > 0) {
            return;
        }
        if (answer.status() == 503 && ("account_busy".equals(answer.code()) || (faulted && "payment_unavailable".equals(answer.code())))) {
            return;
        }
        history.violation("unexpected_answer", what + " answered " + answer.status() + " " + answer.body()
                + (faults == null ? "" : " (faults fired: " + faults.fired() + ")"));
    }

    private String account() {
        List<String> accounts = bank.accountIds;
        // The first account is hot: most clients meet there, so its writes conflict.
        return random.nextInt(100) < 30 ? accounts.get(0) : accounts.get(random.nextInt(accounts.size()));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
