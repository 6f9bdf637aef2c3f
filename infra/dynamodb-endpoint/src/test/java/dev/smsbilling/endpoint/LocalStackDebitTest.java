package dev.smsbilling.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The conditional debit on LocalStack: runs where a Docker engine answers, skipped (and said so) elsewhere. */
class LocalStackDebitTest {

    @BeforeAll
    static void needsDocker() {
        boolean docker = LocalStack.dockerAnswers(Environment.system());
        if (!docker) {
            System.out.println("[localstack] LocalStackDebitTest skipped: no Docker engine answers on this machine");
        }
        assumeTrue(docker, "no Docker engine answers on this machine, so LocalStack cannot start");
    }

    @Test
    void theConditionalDebitHoldsOnLocalStack() {
        DynamoDbEndpoint endpoint = LocalStack.start();
        try (var client = endpoint.client()) {
            String name = "localstack-" + UUID.randomUUID().toString().substring(0, 8);
            BillingTableDefinition.fromRepository().create(client, name);
            var ledger = new DebitFixture(new TestTable(client, name, endpoint));
            ledger.openAccount("a", 150);

            assertThat(ledger.debit("a", "1", 100)).isNull();
            assertThat(ledger.debit("a", "2", 100).get(0).code()).isEqualTo("ConditionalCheckFailed");
            assertThat(ledger.debit("a", "1", 10).get(1).code()).isEqualTo("ConditionalCheckFailed");
            assertThat(ledger.balance("a")).isEqualTo(50);
            assertThat(ledger.ledgerItems("a")).isEqualTo(1);
        }
    }
}
