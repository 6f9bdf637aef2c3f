package dev.smsbilling.autocharge;

import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.store.BillingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One scheduled run over every due account, a few at a time. Accounts are independent (each has
 * its own claim), so they run in parallel; the bound keeps a run's burst of writes and processor
 * calls polite, and lets it stop claiming when its time runs short.
 */
final class AutoChargeRun {
    static final int CONCURRENCY = 4;
    /** More than a minute's worth at the bound; the rest waits for the next run, oldest first. */
    static final int MAX_ACCOUNTS_PER_RUN = 1_000;

    private final BillingStore store;
    private final TopUp topUp;
    private final OutcomeLog log;

    AutoChargeRun(BillingStore store, PaymentProcessor processor, OutcomeLog log) {
        this.store = store;
        this.topUp = new TopUp(store, processor);
        this.log = log;
    }

    RunSummary run(RunBudget budget) {
        long started = System.nanoTime();
        List<String> due = store.dueAccounts(MAX_ACCOUNTS_PER_RUN);
        List<AccountResult> results = new ArrayList<>(due.size());
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY, runnable -> {
            Thread thread = new Thread(runnable, "auto-charge");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<AccountResult>> pending = new ArrayList<>(due.size());
            for (String accountId : due) {
                pending.add(pool.submit(() -> one(accountId, budget)));
            }
            for (Future<AccountResult> result : pending) {
                results.add(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("auto-charge run interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("auto-charge task failed outside its own handling", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        RunSummary summary = RunSummary.of(results);
        log.summary(summary, (System.nanoTime() - started) / 1_000_000);
        return summary;
    }

    /** Never throws: one account's failure must not cost the others their top-up. */
    private AccountResult one(String accountId, RunBudget budget) {
        long started = System.nanoTime();
        AccountResult result;
        if (!budget.allowsAnotherClaim()) {
            result = AccountResult.skipped(accountId, "out_of_time");
        } else {
            try {
                result = topUp.run(accountId, budget);
            } catch (RuntimeException e) {
                // The claim is left to lapse: whether money moved is unknown, and the pending
                // charge makes the next run's retry safe either way.
                result = new AccountResult(accountId, Outcome.FAILED, 0, e.getClass().getSimpleName());
            }
        }
        log.record(result, (System.nanoTime() - started) / 1_000_000);
        return result;
    }
}
