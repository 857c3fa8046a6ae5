package dev.funcboot.autoconfigure;

/**
 * Sends a function's result to its declared outputs (of one technology, or all of them): nothing
 * for {@code null}, one message per element of a {@code Collection}. Call it while the invocation
 * runs, inside the pipeline's call, so the messages carry the invocation's trace context and a
 * failure to send fails the invocation (its trigger retries it) rather than losing the result.
 */
@FunctionalInterface
public interface OutputSender {

	/** Sends nothing. */
	OutputSender NONE = (result) -> {
	};

	/**
	 * @throws RuntimeException when a message could not be sent; the invocation then fails and is
	 * retried by its trigger
	 */
	void send(Object result);

}
