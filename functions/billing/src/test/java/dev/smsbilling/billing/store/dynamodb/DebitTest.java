package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.DebitResult;
import dev.smsbilling.billing.store.DebitResult.InsufficientFunds;
import dev.smsbilling.billing.store.DebitResult.SubscriptionInactive;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.KeySeenBefore.KeyReused;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.WriteDeadlineExceeded;
import dev.smsbilling.billing.store.WriteOutcome.AccountNotFound;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

@RealDynamoDb
class DebitTest {
    private final StoreFixture fixture;
    private final BillingStore store;

    DebitTest(TestTable table) {
        this.fixture = new StoreFixture(table);
        this.store = fixture.store;
    }

    @Test
    void aBalanceExactlyEqualToTheCostIsSpentToZero() {
        String account = fixture.openAccount(50_000);

        DebitResult result = fixture.debit(account, 50_000);

        assertThat(result).isInstanceOfSatisfying(Committed.class, committed -> {
            assertThat(committed.balanceAfterMicros()).isZero();
            assertThat(committed.entry().seq()).isEqualTo(2);
            assertThat(committed.entry().amountMicros()).isEqualTo(-50_000);
            assertThat(committed.entry().id()).startsWith("TX");
            assertThat(committed.entry().details()).isInstanceOfSatisfying(EntryDetails.Message.class, message -> {
                assertThat(message.messageId()).startsWith("AC");
                assertThat(message.status()).isEqualTo("queued");
                assertThat(message.charge()).isEqualTo(StoreFixture.charge(50_000));
            });
            assertThat(committed.response()).isEqualTo(StoreFixture.RENDERER.render(committed.entry()));
        });
        assertThat(fixture.balance(account)).isZero();
        fixture.assertLedgerConsistent(account);
    }

    @Test
    void oneMicroDollarShortIsRefusedAndNothingChanges() {
        String account = fixture.openAccount(49_999);

        DebitResult result = fixture.debit(account, 50_000);

        assertThat(result).isEqualTo(new InsufficientFunds(49_999, 50_000));
        assertThat(store.readAccount(account).orElseThrow().seq()).isEqualTo(1);
        assertThat(fixture.balance(account)).isEqualTo(49_999);
        assertThat(fixture.ledger(account)).hasSize(1);
    }

    @Test
    void anInactiveSubscriptionIsRefusedAndNothingIsWritten() {
        String account = fixture.openAccount(1_000_000);
        store.setSubscription(account, Subscription.INACTIVE);
        Idempotency key = StoreFixture.key("inactive", "send 1");

        DebitResult result = fixture.debit(account, 10_000, Optional.of(key));

        assertThat(result).isEqualTo(new SubscriptionInactive(account));
        assertThat(fixture.balance(account)).isEqualTo(1_000_000);
        assertThat(fixture.ledger(account)).hasSize(1);
        assertThat(store.lookupIdempotency(account, "inactive")).as("a refusal does not consume the key").isEmpty();
    }

    @Test
    void anUnknownAccountIsReported() {
        assertThat(fixture.debit("BA-missing", 10_000)).isEqualTo(new AccountNotFound("BA-missing"));
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheStoredResponseAndChargesOnce() {
        String account = fixture.openAccount(1_000_000);
        Idempotency key = StoreFixture.key("send-1", "POST /v1/messages {hello}");

        Committed first = (Committed) fixture.debit(account, 30_000, Optional.of(key));
        fixture.clock.advance(Duration.ofMinutes(5));
        DebitResult retry = fixture.debit(account, 30_000, Optional.of(key));

        assertThat(retry).isEqualTo(new Replayed(first.response()));
        assertThat(fixture.balance(account)).isEqualTo(970_000);
        assertThat(store.lookupIdempotency(account, "send-1")).hasValueSatisfying(record -> {
            assertThat(record.status()).isEqualTo(IdempotencyStatus.COMPLETED);
            assertThat(record.response()).contains(first.response());
        });
        fixture.assertLedgerConsistent(account);
    }

    @Test
    void aReplayWinsOverABalanceThatCanNoLongerPay() {
        String account = fixture.openAccount(30_000);
        Idempotency key = StoreFixture.key("send-all", "POST /v1/messages {all}");

        Committed first = (Committed) fixture.debit(account, 30_000, Optional.of(key));

        assertThat(fixture.debit(account, 30_000, Optional.of(key))).isEqualTo(new Replayed(first.response()));
    }

    @Test
    void theSameKeyWithAnotherRequestIsAReusedKey() {
        String account = fixture.openAccount(1_000_000);
        fixture.debit(account, 30_000, Optional.of(StoreFixture.key("send-2", "first body")));

        DebitResult second = fixture.debit(account, 30_000, Optional.of(StoreFixture.key("send-2", "another body")));

        assertThat(second).isEqualTo(new KeyReused("send-2"));
        assertThat(fixture.balance(account)).isEqualTo(970_000);
    }

    @Test
    void aKeyPastItsTwentyFourHoursIsFreeAgain() {
        String account = fixture.openAccount(1_000_000);
        fixture.debit(account, 30_000, Optional.of(StoreFixture.key("send-3", "first body")));
        fixture.clock.advance(Duration.ofHours(24).plusSeconds(2));

        DebitResult later = fixture.debit(account, 30_000, Optional.of(StoreFixture.key("send-3", "another body")));

        assertThat(later).isInstanceOf(Committed.class);
        fixture.assertLedgerConsistent(account);
    }

    @Test
    void aSpentDeadlineWritesNothing() {
        String account = fixture.openAccount(1_000_000);

        assertThatThrownBy(() -> store.debit(account, StoreFixture.charge(10_000), Optional.empty(),
                StoreFixture.RENDERER, () -> Duration.ZERO))
                .isInstanceOf(WriteDeadlineExceeded.class).hasMessageContaining("nothing was written");
        assertThat(fixture.balance(account)).isEqualTo(1_000_000);
    }

    @Test
    void meanTimeOfOneDebitOnTheEndpoint() {
        String account = fixture.openAccount(100_000_000);
        for (int i = 0; i < 10; i++) {
            fixture.debit(account, 10_000); // warm-up: connections, JIT
        }
        int measured = 50;

        double plain = meanMillis(measured, i -> fixture.debit(account, 10_000));
        double keyed = meanMillis(measured, i -> fixture.debit(account, 10_000, Optional.of(StoreFixture.key("timed-" + i, "body " + i))));

        System.out.printf("[debit] mean time of one debit, %d sequential each: %.2f ms without a key (GetItem +"
                + " transaction), %.2f ms with a key (TransactGetItems + transaction)%n", measured, plain, keyed);
        fixture.assertLedgerConsistent(account);
    }

    private static double meanMillis(int times, IntFunction<DebitResult> debit) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            assertThat(debit.apply(i)).isInstanceOf(Committed.class);
        }
        return (System.nanoTime() - start) / 1e6 / times;
    }
}
