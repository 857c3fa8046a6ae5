package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a function bean for every record of a Kafka topic, through Spring Cloud Stream's Kafka
 * binder: Funcboot generates the binding ({@code <function>-in-0}: destination, group, binder and
 * consumer options), so {@code spring.cloud.stream.*} need not be written, though it may be, to
 * override. A function taking {@code List<T>} gets each poll's records as one batch.
 *
 * <p><b>Delivery</b> is at least once and settled by Funcboot: a message is acknowledged only
 * after the function returned and its outputs were sent; a retryable failure is tried again per
 * the function's retry policy (else {@code max-delivery-count} times, {@code retry-delay} apart);
 * undecodable input, a {@code PoisonMessageException} and exhausted retries go to the dead-letter
 * destination at once, with the reason, the function and the attempt count in its headers.
 * Offsets are committed only after success; records of a partition are processed in order (a
 * retried record holds its partition back until it succeeds or is dead-lettered).
 *
 * <p>Properties under {@code funcboot.functions.<name>.kafka.*} override these values,
 * {@code funcboot.stream.*} sets defaults.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface KafkaTrigger {

	/** The topic. */
	String topic();

	/** The consumer group; empty means the function's name. */
	String group() default "";

	/** The Spring Cloud Stream binder; empty means {@code kafka}. */
	String binder() default "";

}
