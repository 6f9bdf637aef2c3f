package dev.smsbilling.endpoint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a storage test class: it gets a {@link TestTable} (constructor or method parameter),
 * a billing table created from template.yaml on a real DynamoDB endpoint, fresh for the
 * class and deleted after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealDynamoDbExtension.class)
public @interface RealDynamoDb {
}
