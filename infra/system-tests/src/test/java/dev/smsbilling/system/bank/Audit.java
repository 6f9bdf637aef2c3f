package dev.smsbilling.system.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.system.bank.History.Attempt;
import dev.smsbilling.system.bank.History.KeyedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The checks after the run, read straight from the table with the raw client (past every fault),
 * held against what the clients were told and what the processor did. Every finding is a
 * violation in the history; the figures are for the report.
 */
final class Audit {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One ledger item as stored. */
    record Entry(String accountId, long seq, String id, String type, long amount, long balanceAfter, String messageId,
                 String paymentReference) {
    }

    /** One idempotency item as stored. */
    record KeyRecord(String accountId, String key, String status, String responseBody) {
    }

    private final Bank bank;
    private final History history;
    final Tally figures = new Tally();

    Audit(Bank bank, History history) {
        this.bank = bank;
        this.history = history;
    }

    void run() {
        Map<String, List<Entry>> ledgers = new TreeMap<>();
        Map<String, KeyRecord> records = new HashMap<>();
        for (String accountId : bank.accountIds) {
            List<Entry> ledger = ledger(accountId);
            ledgers.put(accountId, ledger);
            balances(accountId, ledger);
            for (KeyRecord record : keyRecords(accountId)) {
                records.put(accountId + "|" + record.key(), record);
            }
        }
        Set<String> claimed = keyedEffects(ledgers, records);
        clientAnswers(records);
        unkeyedSends(ledgers, claimed);
        processorCharges(ledgers);
    }

    /**
     * The money alone, after keys have expired and been used again (when they no longer tell
     * which request made which entry): balances and ledgers, and every processor charge credited
     * exactly once.
     */
    void money() {
        Map<String, List<Entry>> ledgers = new TreeMap<>();
        for (String accountId : bank.accountIds) {
            List<Entry> ledger = ledger(accountId);
            ledgers.put(accountId, ledger);
            balances(accountId, ledger);
        }
        processorCharges(ledgers);
    }

    // ---- one account: balance, seq, chain -------------------------------------------------------

    private void balances(String accountId, List<Entry> ledger) {
        Map<String, AttributeValue> item = bank.accountItem(accountId);
        long balance = Long.parseLong(item.get("balanceMicros").n());
        long seq = Long.parseLong(item.get("seq").n());
        figures.add("ledger.entries", ledger.size());
        if (balance < 0) {
            history.violation("negative_balance", accountId + " " + balance);
        }
        if (ledger.size() != seq) {
            history.violation("seq_not_ledger_size", accountId + " seq " + seq + " but " + ledger.size() + " entries");
        }
        long running = 0;
        for (int i = 0; i < ledger.size(); i++) {
            Entry entry = ledger.get(i);
            if (entry.seq() != i + 1) {
                history.violation("ledger_gap", accountId + " entry " + (i + 1) + " has seq " + entry.seq());
                return;
            }
            boolean credit = !entry.type().equals("message_charge");
            if (entry.amount() == 0 || (entry.amount() > 0) != credit) {
                history.violation("amount_sign", accountId + " " + entry);
            }
            running = Math.addExact(running, entry.amount());
            if (entry.balanceAfter() != running || running < 0) {
                history.violation("balance_after", accountId + " seq " + entry.seq() + " says " + entry.balanceAfter()
                        + ", the entries sum to " + running);
                return;
            }
        }
        if (running != balance) {
            history.violation("balance_not_ledger_sum", accountId + " balance " + balance + ", ledger " + running);
        }
        figures.add("money.balances_micros", balance);
    }

    // ---- keyed requests: one effect per key, the stored answer is the answer -------------------

    /** @return the ids of the ledger entries that some key's stored answer names */
    private Set<String> keyedEffects(Map<String, List<Entry>> ledgers, Map<String, KeyRecord> records) {
        Map<String, Entry> byMessage = new HashMap<>();
        Map<String, Entry> byId = new HashMap<>();
        ledgers.values().forEach(ledger -> ledger.forEach(entry -> {
            byId.put(entry.id(), entry);
            if (entry.messageId() != null && byMessage.put(entry.messageId(), entry) != null) {
                history.violation("message_charged_twice", entry.messageId());
            }
        }));
        Set<String> claimed = new HashSet<>();
        for (KeyRecord record : records.values()) {
            figures.add("keys." + record.status().toLowerCase());
            if (!record.status().equals("COMPLETED")) {
                history.violation("hold_never_resolved", record.accountId() + " key " + record.key() + " " + record.status());
                continue;
            }
            JsonNode data = json(record.responseBody()).path("data");
            boolean send = record.key().startsWith("send-");
            Entry entry = send ? byMessage.get(data.path("id").asText()) : byId.get(data.path("transactionId").asText());
            if (entry == null || !entry.accountId().equals(record.accountId())) {
                history.violation("stored_answer_without_effect", record.accountId() + " key " + record.key());
                continue;
            }
            if (!claimed.add(entry.id())) {
                history.violation("effect_claimed_by_two_keys", entry.toString());
            }
            long amount = send ? -data.path("cost").path("costMicros").asLong() : data.path("amountMicros").asLong();
            if (entry.amount() != amount || entry.balanceAfter() != data.path("balanceAfterMicros").asLong()
                    || (!send && !entry.paymentReference().equals(data.path("paymentReference").asText()))
                    || !entry.type().equals(send ? "message_charge" : "funds_added")) {
                history.violation("stored_answer_disagrees_with_ledger", record + " vs " + entry);
            }
        }
        ledgers.values().forEach(ledger -> ledger.stream()
                .filter(entry -> entry.type().equals("funds_added") && !claimed.contains(entry.id()))
                .forEach(entry -> history.violation("top_up_without_key", entry.toString())));
        return claimed;
    }

    /** Every success the clients heard for a key is the same bytes, and the bytes the table keeps. */
    private void clientAnswers(Map<String, KeyRecord> records) {
        for (KeyedRequest request : history.keyedRequests()) {
            List<String> bodies = request.attempts().stream().filter(a -> !a.altered() && a.success())
                    .map(Attempt::body).distinct().toList();
            figures.add("keys.requests." + request.route.name().toLowerCase());
            if (bodies.isEmpty()) {
                continue;
            }
            if (bodies.size() > 1) {
                history.violation("key_answered_differently", request.key + ": " + bodies);
            }
            KeyRecord record = records.get(request.accountId + "|" + request.key);
            if (record == null || !bodies.get(0).equals(record.responseBody())) {
                history.violation("answer_not_stored", request.key + " answered " + bodies.get(0) + ", stored " + record);
            }
        }
    }

    // ---- unkeyed sends: acknowledged ones are charged, ambiguous ones at most once ------------

    private void unkeyedSends(Map<String, List<Entry>> ledgers, Set<String> claimed) {
        Map<String, List<String>> acknowledged = new HashMap<>();
        for (History.UnkeyedSend send : history.acknowledgedUnkeyed()) {
            acknowledged.computeIfAbsent(send.accountId(), a -> new ArrayList<>()).add(send.body());
        }
        Set<String> lostUnkeyed = new HashSet<>();
        bank.lostWrites().stream().filter(w -> !w.keyed() && w.messageId() != null)
                .forEach(w -> lostUnkeyed.add(w.messageId()));
        for (Map.Entry<String, List<Entry>> ledger : ledgers.entrySet()) {
            String accountId = ledger.getKey();
            Map<String, Entry> unkeyed = new HashMap<>();
            ledger.getValue().stream().filter(e -> e.type().equals("message_charge") && !claimed.contains(e.id()))
                    .forEach(e -> unkeyed.put(e.messageId(), e));
            int acked = 0;
            for (String body : acknowledged.getOrDefault(accountId, List.of())) {
                acked++;
                JsonNode data = json(body).path("data");
                Entry entry = unkeyed.remove(data.path("id").asText());
                if (entry == null || entry.amount() != -data.path("cost").path("costMicros").asLong()
                        || entry.balanceAfter() != data.path("balanceAfterMicros").asLong()) {
                    history.violation("acknowledged_send_not_in_ledger", accountId + " " + body);
                }
            }
            int ambiguous = history.ambiguousCount(accountId);
            figures.add("sends.unkeyed.acknowledged", acked);
            figures.add("sends.unkeyed.ambiguous", ambiguous);
            figures.add("sends.unkeyed.ambiguous_applied", unkeyed.size());
            if (unkeyed.size() > ambiguous) {
                history.violation("unacknowledged_charges", accountId + ": " + unkeyed.size()
                        + " charges nobody was told of, but only " + ambiguous + " ambiguous sends");
            }
            unkeyed.keySet().stream().filter(id -> !lostUnkeyed.contains(id))
                    .forEach(id -> history.violation("charge_from_nowhere", accountId + " message " + id));
        }
    }

    // ---- the processor against the ledger -------------------------------------------------------

    private void processorCharges(Map<String, List<Entry>> ledgers) {
        Map<String, List<Entry>> creditsByReference = new HashMap<>();
        ledgers.values().forEach(ledger -> ledger.stream().filter(e -> e.paymentReference() != null)
                .forEach(e -> creditsByReference.computeIfAbsent(e.paymentReference(), r -> new ArrayList<>()).add(e)));
        Map<String, String> crossings = new HashMap<>();
        Set<String> references = new HashSet<>();
        for (SandboxPaymentProcessor.Charged charge : bank.processor.charges()) {
            references.add(charge.reference());
            boolean autoCharge = charge.request().idempotencyKey().startsWith(FaultyProcessor.AUTO_CHARGE_PREFIX);
            figures.add(autoCharge ? "processor.charges.auto_charge" : "processor.charges.top_up");
            figures.add("money.charged_micros", charge.request().amountMicros());
            List<Entry> credits = creditsByReference.getOrDefault(charge.reference(), List.of());
            if (credits.size() != 1) {
                history.violation(credits.isEmpty() ? "charged_never_credited" : "charge_credited_twice",
                        charge + " credited " + credits + "; asked by " + describe(bank.processor.requestOf(
                                charge.request().idempotencyKey())));
                continue;
            }
            Entry credit = credits.get(0);
            if (credit.amount() != charge.request().amountMicros()
                    || !credit.type().equals(autoCharge ? "auto_charge" : "funds_added")) {
                history.violation("credit_disagrees_with_charge", charge + " vs " + credit);
            }
            if (autoCharge) {
                Optional<FaultyProcessor.Crossing> crossing = bank.processor.crossing(charge.request().idempotencyKey());
                if (crossing.isEmpty()) {
                    history.violation("auto_charge_without_claim", charge.toString());
                    continue;
                }
                String key = crossing.get().accountId() + "|" + crossing.get().dueId();
                String earlier = crossings.put(key, charge.reference());
                if (earlier != null) {
                    history.violation("crossing_charged_twice", key + ": " + earlier + " and " + charge.reference());
                }
            }
        }
        creditsByReference.forEach((reference, credits) -> {
            figures.add("money.credited_micros", credits.stream().mapToLong(Entry::amount).sum());
            if (!references.contains(reference)) {
                history.violation("credit_without_charge", credits.toString());
            }
        });
        figures.add("auto_charge.crossings_charged", crossings.size());
    }

    private String describe(String accountAndKey) {
        return history.keyedRequests().stream()
                .filter(r -> (r.accountId + "|" + r.key).equals(accountAndKey))
                .map(r -> r.route + " " + accountAndKey + " " + r.body + " answered " + r.attempts().stream()
                        .map(a -> a.status() + (a.altered() ? "(altered)" : "") + " " + a.body()).toList())
                .findFirst().orElse(accountAndKey);
    }

    // ---- reading the table ----------------------------------------------------------------------

    private List<Entry> ledger(String accountId) {
        List<Entry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(accountId, "TX#")) {
            entries.add(new Entry(accountId, Long.parseLong(item.get("sk").s().substring(3)), item.get("id").s(),
                    item.get("type").s(), Long.parseLong(item.get("amountMicros").n()),
                    Long.parseLong(item.get("balanceAfterMicros").n()), text(item, "messageId"),
                    text(item, "paymentReference")));
        }
        return entries;
    }

    private List<KeyRecord> keyRecords(String accountId) {
        List<KeyRecord> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(accountId, "IDEMPOTENCY#")) {
            keys.add(new KeyRecord(accountId, item.get("sk").s().substring("IDEMPOTENCY#".length()),
                    item.get("status").s(), text(item, "responseBody")));
        }
        return keys;
    }

    private List<Map<String, AttributeValue>> query(String accountId, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(bank.table.name()).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ACCOUNT#" + accountId),
                            ":prefix", AttributeValue.fromS(prefix)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            var page = bank.raw().query(request.build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
