package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a function bean for every message routed to a RabbitMQ queue, through Spring Cloud
 * Stream's Rabbit binder: the exchange (a topic exchange) and the durable queue
 * {@code <exchange>.<group>} bound to it with the routing key are declared by the binder from the
 * binding Funcboot generates, so {@code spring.cloud.stream.*} need not be written.
 *
 * <p><b>Delivery</b> is at least once and settled by Funcboot: a message is acknowledged only
 * after the function returned and its outputs were sent; a retryable failure is tried again per
 * the function's retry policy (else {@code max-delivery-count} times, {@code retry-delay} apart);
 * undecodable input, a {@code PoisonMessageException} and exhausted retries go to the dead-letter
 * destination at once, with the reason, the function and the attempt count in its headers.
 * On RabbitMQ the dead-letter queue is {@code <exchange>.<group>.dlq}; a retry waits in
 * {@code <exchange>.<group>.retry} (per-message TTL, dead-lettered back to the queue).
 *
 * <p>Properties under {@code funcboot.functions.<name>.rabbit.*} override these values,
 * {@code funcboot.stream.*} sets defaults.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RabbitTrigger {

	/** The exchange the messages are published to. */
	String exchange();

	/** The queue group: the queue is {@code <exchange>.<group>}; empty means the function's name. */
	String group() default "";

	/** The binding key of the queue; {@code #} takes every message of the exchange. */
	String routingKey() default "#";

	/** The Spring Cloud Stream binder; empty means {@code rabbit}. */
	String binder() default "";

}
