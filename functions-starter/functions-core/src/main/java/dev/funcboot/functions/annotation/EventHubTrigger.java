package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a function bean for every event of an Azure event hub, through the
 * {@code spring-cloud-azure-stream-binder-eventhubs} binder (binder {@code eventhubs}), or through
 * the event hub's Kafka endpoint with the Kafka binder (binder {@code kafka}; locally a Kafka
 * broker stands in for Event Hubs). A function taking {@code List<T>} gets events in batches.
 *
 * <p><b>Delivery</b> is at least once and settled by Funcboot: a message is acknowledged only
 * after the function returned and its outputs were sent; a retryable failure is tried again per
 * the function's retry policy (else {@code max-delivery-count} times, {@code retry-delay} apart);
 * undecodable input, a {@code PoisonMessageException} and exhausted retries go to the dead-letter
 * destination at once, with the reason, the function and the attempt count in its headers.
 * Checkpoints are written only after success; events of a partition are processed in order.
 *
 * <p>Properties under {@code funcboot.functions.<name>.event-hub.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventHubTrigger {

	/** The event hub's name. */
	String eventHub();

	/** The consumer group. */
	String consumerGroup() default "$Default";

	/** The Spring Cloud Stream binder; empty means {@code eventhubs}. */
	String binder() default "";

}
