package dev.funcboot.autoconfigure;

/**
 * A function ran, but its result could not be sent to its outputs. Retryable: a message trigger
 * redelivers the message, an HTTP trigger answers 503 with {@code Retry-After}, so the result is
 * produced again rather than lost.
 */
public class OutputSendException extends RuntimeException {

	public OutputSendException(String function, RuntimeException cause) {
		super("Function '" + function + "' ran, but its result could not be sent to its outputs: "
				+ cause.getMessage(), cause);
	}

	/**
	 * Sends a result through the sender, turning a failure into an {@link OutputSendException}
	 * naming the function.
	 */
	public static void send(String function, OutputSender sender, Object result) {
		try {
			sender.send(result);
		}
		catch (OutputSendException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new OutputSendException(function, ex);
		}
	}

}
