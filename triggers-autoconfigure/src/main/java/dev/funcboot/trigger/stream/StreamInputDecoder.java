package dev.funcboot.trigger.stream;

import java.lang.reflect.Type;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.PayloadDecoder;
import dev.funcboot.functions.InputConversionException;

/**
 * Decodes a message body into a broker function's input: the text for {@code String}, the bytes
 * for {@code byte[]}, JSON for anything else ({@link PayloadDecoder}). A {@code List<T>} input
 * makes a batch function: each record is decoded as a {@code T}. JSON that does not fit fails with
 * an {@link InputConversionException} naming the field, which makes the message poison at once.
 */
final class StreamInputDecoder {

	private final boolean batch;

	private final PayloadDecoder body;

	StreamInputDecoder(String function, Type input, ObjectMapper mapper) {
		if (input == null) {
			throw new IllegalStateException("Broker function '" + function + "' takes no input; declare it as a "
					+ "Consumer<T> or Function<T, R> of the message type");
		}
		this.batch = PayloadDecoder.isBatch(input);
		this.body = new PayloadDecoder(this.batch ? PayloadDecoder.typeArgument(input) : input, mapper);
	}

	/** Whether the function takes a {@code List} of messages. */
	boolean isBatch() {
		return this.batch;
	}

	/** Decodes one record: the function's input, or in batch mode one element of it. */
	Object decode(byte[] payload) {
		return this.body.decode(payload);
	}

}
