package dev.funcboot.trigger.blob;

import java.time.Instant;
import java.util.Map;

/**
 * One version of a blob that matches a trigger's path: what the listing said about it.
 *
 * @param container the container
 * @param name the blob's name
 * @param pathValues the values of the trigger's pattern
 * @param etag the version's ETag, without quotes
 * @param contentType the content type, or {@code null}
 * @param length the content length
 * @param lastModified when the version was written
 */
record BlobVersion(String container, String name, Map<String, String> pathValues, String etag, String contentType,
		long length, Instant lastModified) {

	/** The ETag as HTTP writes it, for conditional requests and the function. */
	String quotedEtag() {
		return "\"" + this.etag + "\"";
	}

	/** Identifies this version within its function: name and ETag. */
	String key() {
		return this.name + "\n" + this.etag;
	}

	static String unquote(String etag) {
		return (etag == null) ? "" : etag.replace("\"", "");
	}

}
