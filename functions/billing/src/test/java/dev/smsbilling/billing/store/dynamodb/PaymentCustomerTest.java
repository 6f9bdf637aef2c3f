package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The account's customer at the payment processor: saved once, the first one kept, on the real table. */
@RealDynamoDb
class PaymentCustomerTest {
    private final StoreFixture fixture;
    private final BillingStore store;

    PaymentCustomerTest(TestTable table) {
        this.fixture = new StoreFixture(table);
        this.store = fixture.store;
    }

    @Test
    void aNewAccountHasNoneAndTheFirstSavedIsReadBackWithBalanceAndLedgerUntouched() {
        String account = fixture.openAccount(3_000_000);
        Account before = store.readAccount(account).orElseThrow();
        assertThat(before.paymentCustomer()).isEmpty();

        assertThat(store.savePaymentCustomer(account, "cus_QfirstCustomer1")).contains("cus_QfirstCustomer1");

        Account after = store.readAccount(account).orElseThrow();
        assertThat(after.paymentCustomer()).contains("cus_QfirstCustomer1");
        assertThat(after.balanceMicros()).isEqualTo(before.balanceMicros());
        assertThat(after.seq()).as("no ledger entry").isEqualTo(before.seq());
    }

    @Test
    void aSecondCustomerIsNeverSavedOverTheFirst() {
        String account = fixture.openAccount(0);
        store.savePaymentCustomer(account, "cus_QfirstCustomer1");

        assertThat(store.savePaymentCustomer(account, "cus_QsecondCustomr2")).as("the one already saved")
                .contains("cus_QfirstCustomer1");
        assertThat(store.readAccount(account).orElseThrow().paymentCustomer()).contains("cus_QfirstCustomer1");
    }

    @Test
    void concurrentFirstSavesAgreeOnOneCustomer() throws Exception {
        String account = fixture.openAccount(0);
        List<Callable<Optional<String>>> saves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String customer = "cus_Qconcurrent0" + i;
            saves.add(() -> store.savePaymentCustomer(account, customer));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Optional<String>> answers = new ArrayList<>();
        try {
            for (Future<Optional<String>> answer : pool.invokeAll(saves)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        String saved = store.readAccount(account).orElseThrow().paymentCustomer().orElseThrow();
        assertThat(answers).as("every caller is told the customer that stayed").containsOnly(Optional.of(saved));
    }

    @Test
    void noAccountSavesNothing() {
        assertThat(store.savePaymentCustomer("BA_nobody", "cus_QfirstCustomer1")).isEmpty();
        assertThat(store.readAccount("BA_nobody")).isEmpty();
    }
}
