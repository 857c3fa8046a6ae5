package dev.funcboot.trigger.storagequeue;

import java.lang.reflect.Type;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.PayloadDecoder;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.queue.QueueMessage;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueAcknowledgment;

/**
 * Decodes a message's payload into a queue function's input: the text for {@code String}, the
 * bytes for {@code byte[]}, JSON for anything else ({@link PayloadDecoder}), optionally wrapped in
 * a {@link QueueMessage} with the message's metadata. A {@code List<T>} input makes a batch
 * function: each message is decoded as a {@code T}. JSON that does not fit fails with an
 * {@link InputConversionException} naming the field, which makes the message poison at once.
 */
final class QueueInputDecoder {

	private final boolean batch;

	private final boolean wrapped;

	private final PayloadDecoder body;

	/**
	 * @param function the function's name, for errors
	 * @param input the function's input type, {@code null} for a supplier (which cannot take messages)
	 */
	QueueInputDecoder(String function, Type input, ObjectMapper mapper) {
		if (input == null) {
			throw new IllegalStateException("Queue function '" + function + "' takes no input; declare it as a "
					+ "Consumer<T> or Function<T, R> of the message type");
		}
		this.batch = PayloadDecoder.isBatch(input);
		Type element = this.batch ? PayloadDecoder.typeArgument(input) : input;
		this.wrapped = QueueMessage.class.equals(FunctionHandle.rawClass(element));
		this.body = new PayloadDecoder(this.wrapped ? PayloadDecoder.typeArgument(element) : element, mapper);
	}

	/** Whether the function takes a {@code List} of messages. */
	boolean isBatch() {
		return this.batch;
	}

	/** Decodes one message: the function's input, or in batch mode one element of it. */
	Object decode(byte[] payload, Metadata metadata) {
		Object body = this.body.decode(payload);
		if (!this.wrapped) {
			return body;
		}
		return new QueueMessage<>(body, metadata.id(), metadata.queue(), metadata.dequeueCount(),
				metadata.insertionTime(), metadata.expirationTime());
	}

	/** What a message carries besides its body. */
	record Metadata(String id, String queue, long dequeueCount, Instant insertionTime, Instant expirationTime) {

		static Metadata of(StorageQueueAcknowledgment acknowledgment, String queue) {
			return new Metadata(acknowledgment.messageId(), queue, acknowledgment.dequeueCount(),
					acknowledgment.insertionTime(), acknowledgment.expirationTime());
		}

	}

}
