package dev.smsbilling.endpoint;

import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Backs {@link RealDynamoDb}: one table per test class, since moto slows as a table grows. */
public final class RealDynamoDbExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealDynamoDbExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        table(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestTable.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return table(context);
    }

    private static TestTable table(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent("table", key -> new CreatedTable(create(classContext)), CreatedTable.class)
                .table;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static TestTable create(ExtensionContext context) {
        DynamoDbEndpoint endpoint = DynamoDbEndpoints.forTests();
        var client = endpoint.client();
        String prefix = context.getRequiredTestClass().getSimpleName().replaceAll("[^A-Za-z0-9_.-]", "");
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        BillingTableDefinition.fromRepository().create(client, name);
        return new TestTable(client, name, endpoint);
    }

    /** Deletes the table when the class's tests are done. */
    private static final class CreatedTable implements AutoCloseable {
        private final TestTable table;

        CreatedTable(TestTable table) {
            this.table = table;
        }

        @Override
        public void close() {
            try {
                table.client().deleteTable(b -> b.tableName(table.name()));
            } finally {
                table.client().close();
            }
        }
    }
}
