package dev.smsbilling.system.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.FunctionCall;
import dev.smsbilling.http.testing.FunctionCall.Response;
import dev.smsbilling.pricing.DestinationNotSupported;
import dev.smsbilling.pricing.PricingException;
import dev.smsbilling.pricing.Quote;
import dev.smsbilling.system.bank.History.Attempt;
import dev.smsbilling.system.bank.History.KeyedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The bank workload (Jepsen's bank test, TigerBeetle's simulator in spirit): accounts, concurrent
 * clients doing a seeded mix of sends, top-ups, scheduled auto-charges, retries and reads through
 * the real handlers on a real table, with faults injected at the seams (the store's DynamoDB
 * client and the payment port). A quarter of the top-ups are abandoned: their client never
 * retries them. A healing phase then lets every hold and lease lapse, retries every other request
 * whose fate the client does not know and runs the scheduled run (auto-charge and the sweep of
 * dead top-ups) until it is quiet; the audit reads the table and must find no money made, lost
 * or moved twice, and no hold left unresolved.
 *
 * <p>{@code -Dbank.seed=N} replays a run's choices (thread timing still varies);
 * {@code -Dbank.long=true} runs more clients and operations for several minutes;
 * {@code bank.accounts}, {@code bank.clients} and {@code bank.ops} (per client) override the size.
 */
@RealDynamoDb
class BankTest {
    private static final String SEND_ROUTE = "/v1/messages";

    @Test
    void moneyStaysExactUnderFaultsAndConcurrency(TestTable table) throws Exception {
        long seed = Long.getLong("bank.seed", ThreadLocalRandom.current().nextLong());
        boolean longRun = Boolean.getBoolean("bank.long");
        int accounts = Integer.getInteger("bank.accounts", longRun ? 10 : 6);
        int clients = Integer.getInteger("bank.clients", longRun ? 16 : 6);
        int opsPerClient = Integer.getInteger("bank.ops", longRun ? 400 : 140);
        System.out.printf("bank: seed %d (replay with -Dbank.seed=%d), %d accounts, %d clients, %d operations each%n",
                seed, seed, accounts, clients, opsPerClient);
        long started = System.nanoTime();

        Bank bank = new Bank(table);
        History history = new History();
        Tally ops = new Tally();
        Tally statuses = new Tally();
        SplittableRandom master = new SplittableRandom(seed);
        Client.Destinations destinations = destinations(bank);

        openAccounts(bank, accounts, new Client(-1, bank, history, destinations, master.split(), 0, ops, statuses));
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(c, bank, history, destinations, master.split(), opsPerClient, ops, statuses);
            Thread thread = new Thread(client, "bank-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(longRun ? 60 : 10).toMillis());
            assertThat(thread.isAlive()).as("client %s finished", thread.getName()).isFalse();
        }
        long ranMillis = (System.nanoTime() - started) / 1_000_000;

        Tally healing = heal(bank, history, new Client(-2, bank, history, destinations, master.split(), 0, ops, statuses));
        Audit audit = new Audit(bank, history);
        audit.run();
        expiredKeys(bank, history, new Client(-3, bank, history, destinations, master.split(), 0, ops, statuses), healing);
        new Audit(bank, history).money();

        long totalMillis = (System.nanoTime() - started) / 1_000_000;
        List<String> violations = history.violations();
        System.out.printf("bank: seed %d; workload %d ms, with healing and audit %d ms%n", seed, ranMillis, totalMillis);
        System.out.println("bank: operations   " + ops);
        System.out.println("bank: faults       " + bank.injected + " (total " + bank.injected.total() + ")");
        System.out.println("bank: responses    " + statuses);
        System.out.println("bank: processor    " + bank.processorCalls);
        System.out.println("bank: healing      " + healing);
        System.out.println("bank: audit        " + audit.figures);
        System.out.println("bank: violations = " + violations.size());
        violations.stream().limit(40).forEach(v -> System.out.println("bank:   " + v));
        if (!violations.isEmpty()) {
            bank.calls.failureLog().stream().limit(10).forEach(line -> System.out.println("bank: log " + line));
        }
        assertThat(violations).as("violations (seed %d)", seed).isEmpty();
        assertThat(bank.injected.total()).as("faults were injected").isPositive();
    }

    /** Accounts with some credit; most with auto-charge on at various thresholds, one with a card that declines. */
    private static void openAccounts(Bank bank, int count, Client setup) {
        for (int i = 0; i < count; i++) {
            Response created = bank.calls.http(bank.account,
                    FunctionCall.to("POST", "/internal/accounts").body("{\"subscription\":\"active\"}"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String accountId = created.json().path("data").path("accountId").asText();
            bank.accountIds.add(accountId);
            Response funded = bank.calls.http(bank.funds, FunctionCall.to("POST", "/v1/billing/funds").account(accountId)
                    .header("Idempotency-Key", "setup-" + i).body(Client.topUpBody(5_000_000L + 2_000_000L * i, "pm_card_visa")));
            assertThat(funded.status()).as(funded.body()).isEqualTo(201);
            if (i % 3 != 2) {
                setup.autoChargeSettings(accountId);
            }
        }
    }

    /** An answer that leaves the request's fate to a retry with its key: a 5xx, or 409 while another attempt holds it. */
    private static boolean unresolved(Attempt attempt) {
        return attempt.status() >= 500 || attempt.status() == 409;
    }

    /**
     * After the storm: every hold and lease lapses, each request whose fate its client does not
     * know is retried with its key until it has an answer, and the scheduled run goes on until a
     * run finds nothing to do.
     */
    private static Tally heal(Bank bank, History history, Client healer) {
        Tally healing = new Tally();
        bank.clock.advance(Duration.ofMinutes(10));
        for (KeyedRequest request : history.keyedRequests()) {
            if (request.abandoned) {
                healing.add(request.firstSuccess().isPresent() ? "abandoned.answered" : "abandoned.left_to_the_sweep");
                continue;
            }
            if (request.firstSuccess().isPresent()) {
                continue;
            }
            Optional<Attempt> last = request.last();
            for (int round = 0; round < 5 && last.isPresent() && unresolved(last.get()); round++) {
                healing.add("retried." + request.route.name().toLowerCase());
                healer.attempt(request, request.body, false, null);
                last = request.last();
                bank.clock.advance(Duration.ofMinutes(2));
            }
            if (last.isPresent() && unresolved(last.get())) {
                history.violation("never_answered", request.route + " key " + request.key + " still " + last.get().status());
            }
        }
        for (int run = 0; ; run++) {
            if (run == 12) {
                history.violation("scheduled_run_never_quiet", "still charging or sweeping after 12 runs");
                break;
            }
            long callsBefore = bank.processorCalls.get("processor.auto_charge.calls");
            JsonNode summary = healer.runAutoCharge(null);
            healing.add("auto_charge_runs");
            healing.add("auto_charge.charged", summary.path("charged").asInt());
            healing.add("auto_charge.declined", summary.path("declined").asInt());
            healing.add("swept.credited", summary.path("topUps").path("credited").asInt());
            healing.add("swept.released", summary.path("topUps").path("released").asInt());
            if (bank.processorCalls.get("processor.auto_charge.calls") == callsBefore
                    && summary.path("topUps").path("unsettled").asInt() == 0) {
                break;
            }
            bank.clock.advance(Duration.ofMinutes(2));
        }
        return healing;
    }

    /**
     * A day later every key's record has expired. A top-up retried with its key and body is then
     * a new top-up, as it is at Stripe, whose keys last a day too: a new charge, credited once.
     * What must never happen is the first charge credited again: every other retry meets a
     * processor that replays the first charge for its key (the sandbox does for ever, Stripe until
     * it prunes keys), and the payment's guard must answer it as first credited.
     */
    private static void expiredKeys(Bank bank, History history, Client healer, Tally healing) {
        bank.clock.advance(Duration.ofHours(25));
        for (KeyedRequest request : history.keyedRequests()) {
            Optional<Attempt> first = request.firstSuccess();
            if (request.route != History.Route.FUNDS || first.isEmpty()) {
                continue;
            }
            healing.add("expired_key_retried.funds");
            String firstReference = Audit.json(first.get().body()).path("data").path("paymentReference").asText();
            Faults replay = null;
            if (healing.get("expired_key_retried.funds") % 2 == 0) {
                replay = new Faults();
                replay.replayChargeOf = bank.processor.chargeKeyOf(firstReference);
            }
            healer.attempt(request, request.body, false, replay);
            Attempt again = request.last().orElseThrow();
            String againReference = Audit.json(again.body()).path("data").path("paymentReference").asText("");
            if (again.status() == 201 && againReference.equals(firstReference) && !again.body().equals(first.get().body())) {
                history.violation("one_charge_credited_twice", request.accountId + " key " + request.key + ": "
                        + again.body() + " after " + first.get().body());
            }
            healing.add(againReference.equals(firstReference) ? "expired_key.replayed" : "expired_key.new_top_up");
        }
    }

    /** Sorts candidate numbers by what the pricer makes of them, so the mix does not rot silently. */
    private static Client.Destinations destinations(Bank bank) {
        List<String> local = new ArrayList<>();
        List<String> international = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        List<String> invalid = new ArrayList<>(List.of("12345", "+1", "not-a-number"));
        for (String number : List.of("+14155552671", "+12125552368", "+16475552671", "+447400123456", "+4915112345678",
                "+33612345678", "+18765552671", "+61412345678", "+79123456789", "+380501234567", "+1415555",
                "+80012345678")) {
            try {
                Quote quote = bank.pricer.quote("x", number);
                (quote.destination().equals("local") ? local : international).add(number);
            } catch (DestinationNotSupported e) {
                unsupported.add(number);
            } catch (PricingException e) {
                invalid.add(number);
            }
        }
        assertThat(local).isNotEmpty();
        assertThat(international).isNotEmpty();
        assertThat(unsupported).isNotEmpty();
        return new Client.Destinations(local, international, unsupported, invalid);
    }
}
