package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Publishes a function's return value to a Dapr pub/sub topic through the Dapr client: one event
 * per returned value, or one per element when the function returns a {@code Collection}; nothing
 * for {@code null}. A {@code String} is published as {@code text/plain}, {@code byte[]} as
 * {@code application/octet-stream}, anything else as JSON. The invocation's {@code traceparent}
 * goes with it (gRPC metadata and the CloudEvent's {@code traceparent}).
 *
 * <p>Events are published before the triggering event is settled, so a failed publish retries
 * the invocation. Only Dapr triggers ({@link DaprTopicTrigger}, {@link DaprBindingTrigger}) publish
 * outputs. Properties under {@code funcboot.functions.<name>.dapr-publish.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DaprPublish {

	/** Name of the Dapr pub/sub component. */
	String pubsub();

	/** The topic. */
	String topic();

}
