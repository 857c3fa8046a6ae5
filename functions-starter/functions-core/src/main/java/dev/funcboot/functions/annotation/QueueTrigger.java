package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a function bean for every message of an Azure Storage queue. Put it on the
 * {@code @Bean} method (or the {@code @Component} class) of a {@code Function} or
 * {@code Consumer}.
 *
 * <p>The message is decoded into the function's input type: JSON for a mapped type, the text for
 * {@code String}, the bytes for {@code byte[]}, or a {@code QueueMessage<T>} for the body together
 * with the message id, dequeue count and insertion time.
 *
 * <p><b>Delivery</b> is at least once: a message is deleted only after the function returned (and
 * its outputs were sent). A retryable failure makes it visible again after the retry policy's
 * delay; input that cannot be decoded, a {@code PoisonMessageException} and exhausted retries move
 * it to the queue {@code <queue>-poison}, wrapped in an envelope that names the reason. Functions
 * should therefore be idempotent.
 *
 * <p>Values may use {@code ${...}} placeholders; properties under
 * {@code funcboot.functions.<name>.queue.*} override them, {@code funcboot.queue.*} sets defaults.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QueueTrigger {

	/** The queue's name: 3-63 lower-case letters, digits and single hyphens. */
	String queue();

	/**
	 * Which storage connection to use: a name under {@code funcboot.storage.connections}, or a
	 * property holding a connection string (as Azure Functions' {@code AzureWebJobsStorage});
	 * empty means the {@code default} connection.
	 */
	String connection() default "";

}
