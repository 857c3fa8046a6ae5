package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a function bean for every message of an Azure Service Bus queue, or of a topic's
 * subscription, through the {@code spring-cloud-azure-stream-binder-servicebus} binder (binder
 * {@code servicebus}; locally, binder {@code rabbit} lets RabbitMQ stand in: the topic is the
 * exchange and the subscription the queue group).
 *
 * <p><b>Delivery</b> is at least once and settled by Funcboot: a message is acknowledged only
 * after the function returned and its outputs were sent; a retryable failure is tried again per
 * the function's retry policy (else {@code max-delivery-count} times, {@code retry-delay} apart);
 * undecodable input, a {@code PoisonMessageException} and exhausted retries go to the dead-letter
 * destination at once, with the reason, the function and the attempt count in its headers.
 * On Service Bus, Funcboot settles each message itself (complete, abandon, dead-letter with the
 * reason as dead-letter reason and description), never the binder.
 *
 * <p>Set either {@link #queue()} or {@link #topic()} with {@link #subscription()}. Properties under
 * {@code funcboot.functions.<name>.service-bus.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServiceBusTrigger {

	/** The queue; empty when the function reads a topic subscription. */
	String queue() default "";

	/** The topic; set together with {@link #subscription()}. */
	String topic() default "";

	/** The topic's subscription. */
	String subscription() default "";

	/** The Spring Cloud Stream binder; empty means {@code servicebus}. */
	String binder() default "";

}
