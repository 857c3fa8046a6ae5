package dev.funcboot.autoconfigure;

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
import dev.funcboot.functions.InputConversionException;

/**
 * Decodes a message's bytes into one type, as the message triggers share it: the text (UTF-8) for
 * {@code String}, the bytes for {@code byte[]}, JSON for anything else. JSON that does not fit
 * fails with an {@link InputConversionException} naming the field ({@link JsonInputErrors}), and
 * an empty payload for a JSON type fails too; either makes the message poison at once. The type
 * is resolved once, so decoding is one switch and, for JSON, a reader made up front.
 */
public final class PayloadDecoder {

	private enum Kind {

		TEXT, BYTES, JSON

	}

	private final Kind kind;

	private final JavaType type;

	private final ObjectReader reader;

	/**
	 * @param type what the payload decodes to
	 * @param mapper the JSON mapper for other types than {@code String} and {@code byte[]}
	 */
	public PayloadDecoder(Type type, ObjectMapper mapper) {
		Class<?> raw = FunctionHandle.rawClass(type);
		this.kind = (raw == String.class) ? Kind.TEXT : (raw == byte[].class) ? Kind.BYTES : Kind.JSON;
		this.type = mapper.constructType(type);
		this.reader = (this.kind == Kind.JSON) ? mapper.readerFor(this.type) : null;
	}

	/** The payload as the type. */
	public Object decode(byte[] payload) {
		switch (this.kind) {
			case TEXT:
				return new String(payload, StandardCharsets.UTF_8);
			case BYTES:
				return payload;
			default:
				if (payload.length == 0) {
					throw new InputConversionException(null,
							"The message is empty, but the function expects JSON of type " + this.type.toCanonical(),
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

	/** Whether a function's input type is a batch of messages: a {@code List} or {@code Collection}. */
	public static boolean isBatch(Type input) {
		Class<?> raw = FunctionHandle.rawClass(input);
		return List.class.equals(raw) || Collection.class.equals(raw);
	}

	/** The one type argument of a generic type ({@code List<T>}, {@code QueueMessage<T>}), else {@code String}. */
	public static Type typeArgument(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
			return parameterized.getActualTypeArguments()[0];
		}
		return String.class;
	}

}
