package dev.funcboot.functions.blob;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A blob with its metadata, for functions that need more than the content: declare the function
 * as {@code Function<BlobInput<String>, R>} (or of {@code byte[]}, {@code InputStream}, a
 * JSON-mapped type).
 *
 * @param <T> the type the content is decoded into
 * @param content the decoded content; an {@code InputStream} is open only during the call
 * @param container the container
 * @param name the blob's name within the container
 * @param pathValues the values of the trigger's path pattern ({@code name}, {@code ext} ...)
 * @param etag the version's ETag; the trigger runs once per ETag
 * @param contentType the blob's content type, or {@code null}
 * @param length the content length in bytes
 * @param lastModified when this version was written
 */
public record BlobInput<T>(T content, String container, String name, Map<String, String> pathValues, String etag,
		String contentType, long length, Instant lastModified) {

	public BlobInput {
		pathValues = (pathValues != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(pathValues)) : Map.of();
	}

}
