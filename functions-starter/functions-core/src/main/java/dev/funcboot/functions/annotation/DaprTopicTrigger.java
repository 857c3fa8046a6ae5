package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a function bean for every event of a Dapr pub/sub topic. The application announces the
 * subscription to its Dapr sidecar (it answers {@code GET /dapr/subscribe}) and receives the
 * CloudEvents on {@link #route()}.
 *
 * <p>The CloudEvent's {@code data} is decoded into the function's input type (JSON for a mapped
 * type, the text for {@code String}, the bytes for {@code byte[]}); an input of type
 * {@code io.dapr.client.domain.CloudEvent<T>} gets the whole envelope.
 *
 * <p><b>Delivery</b> is at least once: the application answers the sidecar {@code SUCCESS} after
 * the function returned and its outputs were published, {@code RETRY} for a retryable failure
 * (Dapr redelivers, following its resiliency policy), and {@code DROP} for poison (undecodable
 * data, a {@code PoisonMessageException}, or the function's own retries exhausted), with the
 * reason logged and counted. With a {@link #deadLetterTopic()}, the sidecar moves dropped events
 * (and those whose redeliveries ran out) to that topic. Functions should therefore be idempotent.
 *
 * <p>Values may use {@code ${...}} placeholders; properties under
 * {@code funcboot.functions.<name>.dapr.*} override them.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DaprTopicTrigger {

	/** Name of the Dapr pub/sub component, e.g. {@code orders-pubsub}. */
	String pubsub();

	/** The topic. */
	String topic();

	/**
	 * A CEL expression on the CloudEvent, e.g. {@code event.type == "order.created"}: only
	 * matching events reach this function. Empty makes this function the topic's default route.
	 * Several functions may share a topic with different rules.
	 */
	String match() default "";

	/** Order of this rule among the topic's rules, lowest first. */
	int priority() default 0;

	/** Path the sidecar delivers to; empty means {@code /dapr/functions/<name>}. */
	String route() default "";

	/**
	 * Topic the sidecar moves dropped events (and those whose redeliveries ran out) to; part of
	 * the subscription. Empty drops them after logging and counting.
	 */
	String deadLetterTopic() default "";

	/** Whether the sidecar delivers events in bulk (several per request, each settled on its own). */
	boolean bulk() default false;

	/** Most events per bulk request; 0 leaves Dapr's default (100). */
	int bulkMaxMessages() default 0;

	/** Longest time in milliseconds the sidecar waits to fill a bulk request; 0 leaves Dapr's default. */
	int bulkMaxAwaitMillis() default 0;

	/** Whether the events are raw payloads rather than CloudEvents (subscription metadata {@code rawPayload}). */
	boolean rawPayload() default false;

}
