package dev.funcboot.trigger.stream;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.JsonInputErrors;
import dev.funcboot.functions.InputConversionException;

/**
 * Decodes a message body into a broker function's input: the text for {@code String}, the bytes
 * for {@code byte[]}, JSON for anything else. A {@code List<T>} input makes a batch function: each
 * record is decoded as a {@code T}. JSON that does not fit fails with an
 * {@link InputConversionException} naming the field, which makes the message poison at once.
 */
final class StreamInputDecoder {

	private enum Kind {

		TEXT, BYTES, JSON

	}

	private final boolean batch;

	private final Kind kind;

	private final ObjectReader reader;

	private final JavaType bodyType;

	StreamInputDecoder(String function, Type input, ObjectMapper mapper) {
		if (input == null) {
			throw new IllegalStateException("Broker function '" + function + "' takes no input; declare it as a "
					+ "Consumer<T> or Function<T, R> of the message type");
		}
		Class<?> inputClass = FunctionHandle.rawClass(input);
		this.batch = List.class.equals(inputClass) || Collection.class.equals(inputClass);
		Type body = this.batch ? elementType(input) : input;
		Class<?> bodyClass = FunctionHandle.rawClass(body);
		this.kind = (bodyClass == String.class) ? Kind.TEXT : (bodyClass == byte[].class) ? Kind.BYTES : Kind.JSON;
		this.bodyType = mapper.constructType(body);
		this.reader = (this.kind == Kind.JSON) ? mapper.readerFor(this.bodyType) : null;
	}

	/** Whether the function takes a {@code List} of messages. */
	boolean isBatch() {
		return this.batch;
	}

	/** Decodes one record: the function's input, or in batch mode one element of it. */
	Object decode(byte[] payload) {
		switch (this.kind) {
			case TEXT:
				return new String(payload, StandardCharsets.UTF_8);
			case BYTES:
				return payload;
			default:
				if (payload.length == 0) {
					throw new InputConversionException(null,
							"The message is empty, but the function expects JSON of type " + this.bodyType.toCanonical(),
							null);
				}
				try {
					return this.reader.readValue(payload);
				}
				catch (JsonProcessingException ex) {
					throw JsonInputErrors.of(ex);
				}
				catch (IOException ex) {
					throw new InputConversionException(null, "Unreadable message: " + ex.getMessage(), ex);
				}
		}
	}

	private static Type elementType(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
			return parameterized.getActualTypeArguments()[0];
		}
		return String.class;
	}

}
