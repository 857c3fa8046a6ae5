package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Retries a failed invocation with delays growing from a minimum to a maximum interval. */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ExponentialBackoffRetry {

	/** Total attempts, the first one included. */
	int maxAttempts();

	/** Delay before the second attempt ({@code 1s}). */
	String minInterval();

	/** Upper bound of the delay ({@code 1m}). */
	String maxInterval();

	/** Factor between successive delays. */
	double multiplier() default 2.0;

}
