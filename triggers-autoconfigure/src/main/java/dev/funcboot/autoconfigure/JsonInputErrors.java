package dev.funcboot.autoconfigure;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.funcboot.functions.InputConversionException;

/** Turns Jackson's read errors into {@link InputConversionException}s a caller can act on; shared by the triggers. */
public final class JsonInputErrors {

	private JsonInputErrors() {
	}

	/**
	 * The error for a payload Jackson could not read: malformed JSON with line and column, or the
	 * field (as a JSON path) and what is wrong with it. Never contains more of the payload than
	 * the offending value.
	 */
	public static InputConversionException of(JsonProcessingException ex) {
		if (ex instanceof StreamReadException read && !(ex instanceof JsonMappingException)) {
			JsonLocation location = read.getLocation();
			String where = (location != null)
					? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
			return new InputConversionException(null, "Malformed JSON" + where + ": " + ex.getOriginalMessage(), ex);
		}
		String field = (ex instanceof JsonMappingException mapping) ? path(mapping) : null;
		String message;
		if (ex instanceof InvalidFormatException invalid) {
			message = "cannot convert " + quote(invalid.getValue()) + " to "
					+ invalid.getTargetType().getSimpleName();
		}
		else if (ex instanceof UnrecognizedPropertyException) {
			message = "unknown field";
		}
		else {
			message = firstLine(ex.getOriginalMessage());
		}
		String prefix = (field != null && !field.isEmpty()) ? "Field '" + field + "': " : "Invalid body: ";
		return new InputConversionException((field == null || field.isEmpty()) ? null : field, prefix + message, ex);
	}

	private static String path(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : ex.getPath()) {
			if (reference.getFieldName() != null) {
				if (path.length() > 0) {
					path.append('.');
				}
				path.append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** The longest part of an offending value that an error repeats; reasons end up in logs and poison messages. */
	static final int MAX_QUOTED_LENGTH = 64;

	private static String quote(Object value) {
		String text = String.valueOf(value);
		if (text.length() > MAX_QUOTED_LENGTH) {
			text = text.substring(0, MAX_QUOTED_LENGTH) + "... (" + text.length() + " characters)";
		}
		return (value instanceof String) ? "\"" + text + "\"" : text;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "invalid value";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}
