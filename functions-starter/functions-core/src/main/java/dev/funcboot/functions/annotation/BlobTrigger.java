package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a function bean for every new or changed blob whose name matches a path pattern. Put it
 * on the {@code @Bean} method (or the {@code @Component} class) of a {@code Function} or
 * {@code Consumer}.
 *
 * <p>The pattern {@code container/blob-pattern} names values in braces:
 * {@code @BlobTrigger(path = "uploads/{name}.{ext}")}. The content is decoded into the input
 * type: {@code byte[]}, {@code String} (UTF-8), {@code InputStream} (open during the call), or a
 * JSON-mapped type whose properties also receive the path values; {@code BlobInput<T>} adds the
 * container, name, path values, ETag, content type, length and last-modified time.
 *
 * <p><b>Delivery</b>: the container is polled; each blob version (ETag) gets one successful
 * invocation, recorded by a receipt blob in the storage account, so restarts do not repeat it and
 * replicas share the work (a receipt is claimed with a blob lease; a crashed replica's claim
 * expires and another replica takes it over). A failed invocation is retried on a later poll;
 * undecodable content, a {@code PoisonMessageException} and the last failed attempt send a message
 * naming the reason to the queue {@code webjobs-blobtrigger-poison}. A blob changed during an
 * invocation is invoked again for its new ETag, so functions should be idempotent.
 *
 * <p>Values may use {@code ${...}} placeholders; properties under
 * {@code funcboot.functions.<name>.blob.*} override them, {@code funcboot.blob.*} sets defaults.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BlobTrigger {

	/** The path pattern: a literal container, then the blob name pattern, e.g. {@code uploads/{name}.csv}. */
	String path();

	/**
	 * Which storage connection to use: a name under {@code funcboot.storage.connections}, or a
	 * property holding a connection string; empty means the {@code default} connection.
	 */
	String connection() default "";

}
