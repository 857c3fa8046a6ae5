package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends a function's return value to an Azure event hub through the {@code eventhubs} binder (or
 * its Kafka endpoint with binder {@code kafka}):
 * one message per returned value, or one per element when the function returns a {@code Collection};
 * nothing for {@code null}. A {@code String} is sent as text, {@code byte[]} as bytes, anything else
 * as JSON. The output is sent before the triggering message is settled, so a failed send retries the
 * invocation: outputs are at least once too.
 * Properties under {@code funcboot.functions.<name>.event-hub-output.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventHubOutput {

	/** The event hub's name. */
	String eventHub();

	/** The Spring Cloud Stream binder; empty means {@code eventhubs}. */
	String binder() default "";

}
