package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends a function's return value to an Azure Service Bus queue or topic through the
 * {@code servicebus} binder (locally binder {@code rabbit}: the queue or topic becomes an exchange):
 * one message per returned value, or one per element when the function returns a {@code Collection};
 * nothing for {@code null}. A {@code String} is sent as text, {@code byte[]} as bytes, anything else
 * as JSON. The output is sent before the triggering message is settled, so a failed send retries the
 * invocation: outputs are at least once too.
 * Set either {@link #queue()} or {@link #topic()}. Properties under
 * {@code funcboot.functions.<name>.service-bus-output.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServiceBusOutput {

	/** The queue; empty when sending to a topic. */
	String queue() default "";

	/** The topic; empty when sending to a queue. */
	String topic() default "";

	/** The Spring Cloud Stream binder; empty means {@code servicebus}. */
	String binder() default "";

}
