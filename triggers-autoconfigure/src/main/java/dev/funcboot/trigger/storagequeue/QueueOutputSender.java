package dev.funcboot.trigger.storagequeue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.OutputPayloads;
import dev.funcboot.autoconfigure.OutputSender;
import dev.funcboot.autoconfigure.TraceHeaders;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;

/**
 * Sends a function's result to its output queues, through the channels bound to the binder's
 * producers: nothing for {@code null}, one message per element of a {@code Collection}, a
 * {@code String} as text, {@code byte[]} as is, anything else as JSON. Sends synchronously, so a
 * failure fails the invocation and the triggering message is retried. Each message carries the
 * trace headers of the invocation that sent it.
 */
final class QueueOutputSender implements OutputSender {

	private final String function;

	private final Supplier<List<MessageChannel>> channels;

	private final ObjectMapper mapper;

	private final TraceHeaders traceHeaders;

	/**
	 * @param channels the function's output channels, looked up on each send (they exist once the
	 * output bindings have started)
	 */
	QueueOutputSender(String function, Supplier<List<MessageChannel>> channels, ObjectMapper mapper,
			TraceHeaders traceHeaders) {
		this.function = function;
		this.channels = channels;
		this.mapper = mapper;
		this.traceHeaders = traceHeaders;
	}

	@Override
	public void send(Object result) {
		if (result == null) {
			return;
		}
		List<MessageChannel> channels = this.channels.get();
		if (channels == null) {
			throw new IllegalStateException("The output queues of function '" + this.function
					+ "' are not bound (the application is starting or stopping); the invocation will be retried");
		}
		Map<String, String> headers = this.traceHeaders.current();
		Collection<?> values = (result instanceof Collection<?> collection) ? collection : List.of(result);
		for (Object value : values) {
			if (value == null) {
				continue;
			}
			byte[] payload = payload(value);
			for (MessageChannel channel : channels) {
				channel.send(MessageBuilder.withPayload(payload).copyHeaders(headers).build());
			}
		}
	}

	private byte[] payload(Object value) {
		return OutputPayloads.bytes(value, this.mapper, "the output queue");
	}

}
