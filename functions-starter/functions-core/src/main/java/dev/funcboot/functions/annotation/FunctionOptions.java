package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Per-function pipeline options; anything left empty takes the global default
 * ({@code funcboot.defaults.*}). Properties under {@code funcboot.functions.<name>.*} override
 * these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FunctionOptions {

	/** Timeout as a duration ({@code 30s}, {@code PT30S}); empty means the global default. */
	String timeout() default "";

	/** Maximum concurrent invocations; 0 means unlimited, -1 the global default. */
	int maxConcurrency() default -1;

}
