package dev.funcboot.trigger.storagequeue;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.JsonInputErrors;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.queue.QueueMessage;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueAcknowledgment;

/**
 * Decodes a message's payload into a queue function's input: the text for {@code String}, the
 * bytes for {@code byte[]}, JSON for anything else, optionally wrapped in a {@link QueueMessage}
 * with the message's metadata. A {@code List<T>} input makes a batch function: each message is
 * decoded as a {@code T}. JSON that does not fit fails with an {@link InputConversionException}
 * naming the field, which makes the message poison at once.
 */
final class QueueInputDecoder {

	private enum Kind {

		TEXT, BYTES, JSON

	}

	private final boolean batch;

	private final boolean wrapped;

	private final Kind kind;

	private final ObjectReader reader;

	private final JavaType bodyType;

	/**
	 * @param function the function's name, for errors
	 * @param input the function's input type, {@code null} for a supplier (which cannot take messages)
	 */
	QueueInputDecoder(String function, Type input, ObjectMapper mapper) {
		if (input == null) {
			throw new IllegalStateException("Queue function '" + function + "' takes no input; declare it as a "
					+ "Consumer<T> or Function<T, R> of the message type");
		}
		Class<?> inputClass = FunctionHandle.rawClass(input);
		this.batch = List.class.equals(inputClass) || Collection.class.equals(inputClass);
		Type element = this.batch ? typeArgument(input) : input;
		this.wrapped = QueueMessage.class.equals(FunctionHandle.rawClass(element));
		Type body = this.wrapped ? typeArgument(element) : element;
		Class<?> bodyClass = FunctionHandle.rawClass(body);
		if (bodyClass == String.class) {
			this.kind = Kind.TEXT;
		}
		else if (bodyClass == byte[].class) {
			this.kind = Kind.BYTES;
		}
		else {
			this.kind = Kind.JSON;
		}
		this.bodyType = mapper.constructType(body);
		this.reader = (this.kind == Kind.JSON) ? mapper.readerFor(this.bodyType) : null;
	}

	/** Whether the function takes a {@code List} of messages. */
	boolean isBatch() {
		return this.batch;
	}

	/** Decodes one message: the function's input, or in batch mode one element of it. */
	Object decode(byte[] payload, Metadata metadata) {
		Object body = decodeBody(payload);
		if (!this.wrapped) {
			return body;
		}
		return new QueueMessage<>(body, metadata.id(), metadata.queue(), metadata.dequeueCount(),
				metadata.insertionTime(), metadata.expirationTime());
	}

	private Object decodeBody(byte[] payload) {
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

	/** What a message carries besides its body. */
	record Metadata(String id, String queue, long dequeueCount, Instant insertionTime, Instant expirationTime) {

		static Metadata of(StorageQueueAcknowledgment acknowledgment, String queue) {
			return new Metadata(acknowledgment.messageId(), queue, acknowledgment.dequeueCount(),
					acknowledgment.insertionTime(), acknowledgment.expirationTime());
		}

	}

	private static Type typeArgument(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
			return parameterized.getActualTypeArguments()[0];
		}
		return String.class;
	}

}
