package dev.smsbilling.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoChargeSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch of answers says was written, so the table can be checked against it: a 4xx
 * writes nothing, a replay writes nothing, and each first 2xx writes exactly its items (a sent
 * message: its ledger entry, plus its idempotency record when keyed; a top-up: entry and record;
 * a new account: account and key items). Anything else in the table is a write nobody answered for.
 */
final class Effects {
    private final Map<String, String> accountByKey;
    private long items;
    private final Map<String, Long> balanceDelta = new HashMap<>();
    private final Map<String, Integer> entries = new HashMap<>();
    private final Map<String, List<JsonNode>> autoChargeSaves = new HashMap<>();
    private final Set<String> subscriptionsSet = new HashSet<>();
    int writes;

    Effects(Map<String, String> accountByKey) {
        this.accountByKey = accountByKey;
    }

    /** Adds the answer's effect; returns a problem with a 2xx's shape, or null. */
    synchronized String add(FuzzRequest request, Reply reply) {
        if (reply.status() / 100 != 2) {
            return null;
        }
        JsonNode data = reply.json() == null ? null : reply.json().path("data");
        if (data == null) {
            return "a 2xx that is not JSON";
        }
        String account = request.apiKey() == null ? null : accountByKey.get(request.apiKey());
        switch (request.route()) {
            case "POST /v1/messages" -> {
                if (reply.status() != 202 || !data.path("id").asText().startsWith("AC") || !data.path("cost").path("costMicros").isIntegralNumber()
                        || data.path("cost").path("costMicros").asLong() <= 0 || data.path("balanceAfterMicros").asLong(-1) < 0) {
                    return "a malformed send answer";
                }
                if (!reply.replayed()) {
                    writes++;
                    items += 1 + (request.header("Idempotency-Key") != null ? 1 : 0);
                    entries.merge(account, 1, Integer::sum);
                    balanceDelta.merge(account, -data.path("cost").path("costMicros").asLong(), Long::sum);
                }
            }
            case "POST /v1/billing/funds" -> {
                if (reply.status() != 201 || !data.path("transactionId").isTextual() || !data.path("amountMicros").isIntegralNumber()
                        || data.path("balanceAfterMicros").asLong(-1) < 0) {
                    return "a malformed top-up answer";
                }
                if (!reply.replayed()) {
                    writes++;
                    items += 3; // the ledger entry, the key's record and the payment's guard
                    entries.merge(account, 1, Integer::sum);
                    balanceDelta.merge(account, data.path("amountMicros").asLong(), Long::sum);
                }
            }
            case "POST /internal/accounts" -> {
                if (reply.status() != 201 || !data.path("accountId").asText().startsWith("BA") || data.path("apiKey").asText().isEmpty()) {
                    return "a malformed new account";
                }
                writes++;
                items += 2;
            }
            case "PUT /v1/billing/auto-charge" -> {
                if (!data.path("enabled").isBoolean() || !data.path("thresholdMicros").isIntegralNumber()) {
                    return "malformed auto-charge settings";
                }
                writes++;
                autoChargeSaves.computeIfAbsent(account, a -> new ArrayList<>()).add(data);
            }
            case "PUT /internal/accounts/{accountId}/subscription" -> {
                writes++;
                subscriptionsSet.add(data.path("accountId").asText());
            }
            case "POST /v1/messages/quote" -> {
                if (data.path("costMicros").asLong(-1) <= 0 || !"USD".equals(data.path("currency").asText())) {
                    return "a malformed quote";
                }
            }
            case "GET /v1/billing/balance" -> {
                if (!data.path("balanceMicros").isIntegralNumber() || data.path("balanceMicros").asLong() < 0) {
                    return "a malformed balance";
                }
            }
            case "GET /v1/billing/transactions" -> {
                JsonNode cursor = reply.json().path("nextCursor");
                if (!data.isArray() || !(cursor.isNull() || cursor.isTextual())) {
                    return "a malformed statement page";
                }
            }
            default -> {
            }
        }
        return null;
    }

    /** Every way the table after the batch differs from the table before plus these effects. */
    List<String> differences(TableState.Snapshot before, TableState.Snapshot after) {
        List<String> problems = new ArrayList<>();
        if (after.items() != before.items() + items) {
            problems.add("the table holds " + after.items() + " items; " + before.items() + " before and " + items
                    + " written by successful requests");
        }
        for (var entry : before.accounts().entrySet()) {
            String id = entry.getKey();
            Account was = entry.getValue();
            Account is = after.accounts().get(id);
            long expectedBalance = was.balanceMicros() + balanceDelta.getOrDefault(id, 0L);
            if (is.balanceMicros() != expectedBalance) {
                problems.add(id + ": balance " + is.balanceMicros() + ", expected " + expectedBalance);
            }
            long expectedSeq = was.seq() + entries.getOrDefault(id, 0);
            if (is.seq() != expectedSeq) {
                problems.add(id + ": " + is.seq() + " ledger entries, expected " + expectedSeq);
            }
            List<JsonNode> saves = autoChargeSaves.getOrDefault(id, List.of());
            if (saves.isEmpty() && !is.autoCharge().equals(was.autoCharge())) {
                problems.add(id + ": auto-charge changed without a successful save: " + was.autoCharge() + " -> " + is.autoCharge());
            }
            if (!saves.isEmpty() && saves.stream().noneMatch(save -> matches(save, is.autoCharge().settings()))) {
                problems.add(id + ": auto-charge " + is.autoCharge() + " is none of the saved settings");
            }
            if (!subscriptionsSet.contains(id) && is.subscription() != was.subscription()) {
                problems.add(id + ": subscription changed without a successful request");
            }
        }
        return problems;
    }

    private static boolean matches(JsonNode saved, AutoChargeSettings settings) {
        return saved.path("enabled").asBoolean() == settings.enabled()
                && saved.path("thresholdMicros").asLong() == settings.thresholdMicros()
                && saved.path("amountMicros").asLong() == settings.amountMicros()
                && (saved.path("paymentMethod").isNull() ? settings.paymentMethod().isEmpty()
                        : settings.paymentMethod().orElse("").equals(saved.path("paymentMethod").asText()));
    }
}
