package dev.funcboot.autoconfigure;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How every output writes a function's result as message bytes: {@code byte[]} as is, a
 * {@code String} as UTF-8 text, anything else as JSON.
 */
public final class OutputPayloads {

	private OutputPayloads() {
	}

	/**
	 * @param where the output, for the error ("the output queue", "Dapr pub/sub")
	 * @throws IllegalStateException when the value cannot be written as JSON
	 */
	public static byte[] bytes(Object value, ObjectMapper mapper, String where) {
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		if (value instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		try {
			return mapper.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the result (" + value.getClass().getName() + ") as JSON for "
					+ where + ": " + ex.getOriginalMessage(), ex);
		}
	}

}
