package dev.showcall.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every test of a class on H2 and again on PostgreSQL. The class takes its database as a
 * field: {@code @Parameter @RegisterExtension FreshDatabase db;}
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.showcall.store.FreshDatabase#onEachEngine")
public @interface OnEachDatabase {
}
