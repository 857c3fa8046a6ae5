package dev.funcboot.trigger.stream;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.OutputPayloads;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends a function's result to its output bindings, through the channels of the binder's
 * producers: nothing for {@code null}, one message per element of a {@code Collection}, a
 * {@code String} as text, {@code byte[]} as is, anything else as JSON. The producers send
 * synchronously, so a failure fails the invocation and the triggering message is retried.
 */
final class StreamOutputSender {

	private final List<MessageChannel> channels;

	private final ObjectMapper mapper;

	StreamOutputSender(List<MessageChannel> channels, ObjectMapper mapper) {
		this.channels = List.copyOf(channels);
		this.mapper = mapper;
	}

	/**
	 * @param propagated headers of the triggering message carried over to each output message
	 * (as Spring Cloud Stream propagates them): the application's own, such as {@code traceparent}
	 */
	void send(Object result, Map<String, String> propagated) {
		if (!sends(result)) {
			return;
		}
		Collection<?> values = (result instanceof Collection<?> collection) ? collection : List.of(result);
		for (Object value : values) {
			if (value == null) {
				continue;
			}
			boolean text = value instanceof String;
			MessageBuilder<byte[]> message = MessageBuilder.withPayload(payload(value)).copyHeaders(propagated);
			if (!(value instanceof byte[])) {
				message.setHeader("contentType",
						text ? MimeTypeUtils.TEXT_PLAIN_VALUE : MimeTypeUtils.APPLICATION_JSON_VALUE);
			}
			for (MessageChannel channel : this.channels) {
				channel.send(message.build());
			}
		}
	}

	/** Whether the result makes any message (a consumer's, or a function's without outputs, does not). */
	boolean sends(Object result) {
		return result != null && !this.channels.isEmpty();
	}

	private byte[] payload(Object value) {
		return OutputPayloads.bytes(value, this.mapper, "the output");
	}

}
