package dev.funcboot.functions;

/**
 * Thrown by a function (or an adapter) to say that its input can never be processed: the
 * message goes to the poison or dead-letter destination at once, without further retries.
 * On an HTTP trigger it becomes a 400 response.
 */
public class PoisonMessageException extends RuntimeException {

	public PoisonMessageException(String message) {
		super(message);
	}

	public PoisonMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
