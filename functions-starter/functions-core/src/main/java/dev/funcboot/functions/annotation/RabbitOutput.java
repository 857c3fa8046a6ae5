package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Publishes a function's return value to a RabbitMQ exchange through the Rabbit binder:
 * one message per returned value, or one per element when the function returns a {@code Collection};
 * nothing for {@code null}. A {@code String} is sent as text, {@code byte[]} as bytes, anything else
 * as JSON. The output is sent before the triggering message is settled, so a failed send retries the
 * invocation: outputs are at least once too.
 * Properties under {@code funcboot.functions.<name>.rabbit-output.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RabbitOutput {

	/** The exchange (a topic exchange, declared when missing). */
	String exchange();

	/** The routing key of every message; empty means the exchange's name. */
	String routingKey() default "";

	/** The Spring Cloud Stream binder; empty means {@code rabbit}. */
	String binder() default "";

}
