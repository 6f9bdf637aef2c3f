package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.InvalidCursorException;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.TransactionPage;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@RealDynamoDb
class TransactionsTest {
    private final StoreFixture fixture;
    private final BillingStore store;

    TransactionsTest(TestTable table) {
        this.fixture = new StoreFixture(table);
        this.store = fixture.store;
    }

    @Test
    void pagesRunNewestFirstAcrossSeveralPagesAndEndWithoutAnEmptyPage() {
        String account = fixture.openAccount(10_000_000);
        for (int i = 0; i < 11; i++) {
            fixture.debit(account, 10_000);
        }
        // Idempotency records sort before the ledger; they must not leak into a page.
        fixture.debit(account, 10_000, Optional.of(StoreFixture.key("k", "body")));

        List<List<Long>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            TransactionPage page = store.transactions(account, 5, cursor);
            pages.add(page.entries().stream().map(LedgerEntry::seq).toList());
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(pages).containsExactly(
                List.of(13L, 12L, 11L, 10L, 9L), List.of(8L, 7L, 6L, 5L, 4L), List.of(3L, 2L, 1L));
    }

    @Test
    void aPageThatEndsAtTheFirstEntryHasNoNextCursor() {
        String account = fixture.openAccount(1_000_000);
        fixture.debit(account, 10_000);

        TransactionPage page = store.transactions(account, 2, Optional.empty());

        assertThat(page.entries()).extracting(LedgerEntry::seq).containsExactly(2L, 1L);
        assertThat(page.nextCursor()).isEmpty();
        assertThat(page.entries().get(1).type()).isEqualTo(EntryType.FUNDS_ADDED);
        assertThat(page.entries().get(0).type()).isEqualTo(EntryType.MESSAGE_CHARGE);
    }

    @Test
    void anEmptyLedgerIsOneEmptyPage() {
        String account = fixture.openAccount(0);

        assertThat(store.transactions(account, 50, Optional.empty())).isEqualTo(new TransactionPage(List.of(), Optional.empty()));
    }

    @Test
    void anotherAccountsCursorIsRejectedAndNeverReadsItsLedger() {
        String a = fixture.openAccount(1_000_000);
        for (int i = 0; i < 4; i++) {
            fixture.debit(a, 10_000);
        }
        String b = fixture.openAccount(2_000_000);
        fixture.debit(b, 20_000);
        String cursorOfA = store.transactions(a, 2, Optional.empty()).nextCursor().orElseThrow();

        assertThatThrownBy(() -> store.transactions(b, 2, Optional.of(cursorOfA))).isInstanceOf(InvalidCursorException.class);
        assertThat(store.transactions(a, 2, Optional.of(cursorOfA)).entries()).extracting(LedgerEntry::seq).containsExactly(3L, 2L);
    }

    @Test
    void aTamperedCursorIsRejected() {
        String account = fixture.openAccount(1_000_000);
        fixture.debit(account, 10_000);
        fixture.debit(account, 10_000);
        String cursor = store.transactions(account, 1, Optional.empty()).nextCursor().orElseThrow();
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> store.transactions(account, 1, Optional.of(tampered))).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.transactions(account, 1, Optional.of("not a cursor"))).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void theLimitIsOneToOneHundred() {
        String account = fixture.openAccount(0);

        assertThatThrownBy(() -> store.transactions(account, 0, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.transactions(account, 101, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
