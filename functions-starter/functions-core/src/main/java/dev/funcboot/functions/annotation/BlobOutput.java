package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a function's return value to a blob: {@code byte[]} as is, a {@code String} as UTF-8
 * text, anything else (a {@code List} included) as one JSON document; nothing for {@code null}.
 * An existing blob is overwritten.
 *
 * <p>The path is a pattern like the trigger's, e.g. {@code @BlobOutput(path = "processed/{name}.txt")};
 * its values come from the trigger's path values ({@code {name}} of
 * {@code @BlobTrigger(path = "uploads/{name}.csv")}), and {@code {rand-guid}} gives a new random
 * UUID. The blob is written before the triggering blob is recorded as done, so a failed write
 * retries the invocation: outputs are at least once. Properties under
 * {@code funcboot.functions.<name>.blob-output.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BlobOutput {

	/** The output path pattern: a literal container (created when missing), then the blob name pattern. */
	String path();

	/** Which storage connection to use, as {@link BlobTrigger#connection()}; empty means {@code default}. */
	String connection() default "";

}
