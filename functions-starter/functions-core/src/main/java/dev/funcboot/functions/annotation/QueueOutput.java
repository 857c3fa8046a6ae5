package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends a function's return value to an Azure Storage queue: one message per returned value, or
 * one per element when the function returns a {@code Collection}; nothing for {@code null}.
 * A {@code String} is sent as text, {@code byte[]} as bytes, anything else as JSON.
 *
 * <p>The output is sent before the triggering message is settled, so a failed send retries the
 * invocation: outputs are at least once too. Properties under
 * {@code funcboot.functions.<name>.queue-output.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QueueOutput {

	/** The queue the results are sent to; created when missing. */
	String queue();

	/** Which storage connection to use, as {@link QueueTrigger#connection()}; empty means {@code default}. */
	String connection() default "";

}
