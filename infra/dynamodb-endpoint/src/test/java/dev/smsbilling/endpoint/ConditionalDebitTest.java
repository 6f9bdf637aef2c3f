package dev.smsbilling.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@RealDynamoDb
class ConditionalDebitTest {
    private final DebitFixture ledger;

    ConditionalDebitTest(TestTable table) {
        this.ledger = new DebitFixture(table);
    }

    @Test
    void aCoveredDebitCommitsBothItems() {
        ledger.openAccount("covered", 100);

        assertThat(ledger.debit("covered", "1", 100)).isNull();

        assertThat(ledger.balance("covered")).isZero();
        assertThat(ledger.ledgerItems("covered")).isEqualTo(1);
    }

    @Test
    void aShortBalanceCancelsEverythingAndNamesTheAccountAsTheReason() {
        ledger.openAccount("short", 99);

        var reasons = ledger.debit("short", "1", 100);

        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0).code()).isEqualTo("ConditionalCheckFailed");
        assertThat(reasons.get(0).item().get("balance").n()).isEqualTo("99"); // ALL_OLD spares a read
        assertThat(reasons.get(1).code()).isEqualTo("None");
        assertThat(ledger.balance("short")).isEqualTo(99);
        assertThat(ledger.ledgerItems("short")).isZero();
    }

    @Test
    void aDuplicateLedgerKeyCancelsTheDebitAndNamesTheLedgerItem() {
        ledger.openAccount("duplicate", 500);
        assertThat(ledger.debit("duplicate", "7", 100)).isNull();

        var reasons = ledger.debit("duplicate", "7", 100);

        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0).code()).isEqualTo("None");
        assertThat(reasons.get(1).code()).isEqualTo("ConditionalCheckFailed");
        assertThat(reasons.get(1).item().get("amount").n()).isEqualTo("-100");
        assertThat(ledger.balance("duplicate")).isEqualTo(400);
        assertThat(ledger.ledgerItems("duplicate")).isEqualTo(1);
    }
}
