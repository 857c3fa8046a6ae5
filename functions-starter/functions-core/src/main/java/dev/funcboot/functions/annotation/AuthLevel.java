package dev.funcboot.functions.annotation;

/**
 * Which key an HTTP caller must present, from the {@code x-functions-key} header or the
 * {@code code} query parameter.
 */
public enum AuthLevel {

	/** No key. */
	ANONYMOUS,

	/** A key of this function, a host key, or the master key. */
	FUNCTION,

	/** The master key only. */
	ADMIN

}
