package dev.funcboot.trigger.storagequeue;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;

/**
 * Sends a function's result to its output queues, through the channels bound to the binder's
 * producers: nothing for {@code null}, one message per element of a {@code Collection}, a
 * {@code String} as text, {@code byte[]} as is, anything else as JSON. Sends synchronously, so a
 * failure fails the invocation and the triggering message is retried.
 */
final class QueueOutputSender {

	private final List<MessageChannel> channels;

	private final ObjectMapper mapper;

	QueueOutputSender(List<MessageChannel> channels, ObjectMapper mapper) {
		this.channels = List.copyOf(channels);
		this.mapper = mapper;
	}

	boolean hasOutputs() {
		return !this.channels.isEmpty();
	}

	void send(Object result) {
		if (result == null || this.channels.isEmpty()) {
			return;
		}
		Collection<?> values = (result instanceof Collection<?> collection) ? collection : List.of(result);
		for (Object value : values) {
			if (value == null) {
				continue;
			}
			byte[] payload = payload(value);
			for (MessageChannel channel : this.channels) {
				channel.send(MessageBuilder.withPayload(payload).build());
			}
		}
	}

	private byte[] payload(Object value) {
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		if (value instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		try {
			return this.mapper.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the result (" + value.getClass().getName()
					+ ") as JSON for the output queue: " + ex.getOriginalMessage(), ex);
		}
	}

}
