package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Retries a failed invocation after a fixed delay. */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FixedDelayRetry {

	/** Total attempts, the first one included. */
	int maxAttempts();

	/** Delay between attempts ({@code 5s}, {@code PT5S}). */
	String delay();

}
