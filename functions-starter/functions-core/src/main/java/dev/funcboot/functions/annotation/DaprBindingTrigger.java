package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a function bean for every event of a Dapr input binding (a cron schedule, a queue, ...
 * configured as a Dapr component): the sidecar calls {@code POST /<name>} with the event as body
 * and its metadata as headers. The body is decoded into the function's input type as for
 * {@link DaprTopicTrigger}; a {@code Supplier} (say, for a cron schedule) runs without it.
 *
 * <p>The application answers 200 after the function returned (and its outputs were published),
 * 500 for a retryable failure and 400 for poison input; what the binding does with an error
 * (redeliver, or not) is the component's behaviour. Properties under
 * {@code funcboot.functions.<name>.dapr-binding.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DaprBindingTrigger {

	/** Name of the Dapr input binding component, e.g. {@code nightly-cron}. */
	String name();

	/** Path the sidecar calls, when the component sets its {@code route} metadata; empty means {@code /<name>}. */
	String route() default "";

}
