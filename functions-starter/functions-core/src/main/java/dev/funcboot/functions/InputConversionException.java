package dev.funcboot.functions;

/**
 * The trigger's payload could not be decoded into the function's input type. Always poison:
 * retrying the same bytes gives the same failure.
 */
public class InputConversionException extends PoisonMessageException {

	private final String field;

	/**
	 * @param field the offending field as a JSON path ({@code items[0].quantity}), or
	 * {@code null} when the payload as a whole is unreadable
	 * @param message what is wrong, in words a caller can act on
	 */
	public InputConversionException(String field, String message, Throwable cause) {
		super(message, cause);
		this.field = field;
	}

	/** The offending field as a JSON path, or {@code null} when the whole payload is malformed. */
	public String getField() {
		return this.field;
	}

}
