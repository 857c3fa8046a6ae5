package dev.funcboot.trigger.stream;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.OutputPayloads;
import dev.funcboot.autoconfigure.TraceHeaders;
import dev.funcboot.functions.TraceContext;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends a function's result to its output bindings, through the channels of the binder's
 * producers: nothing for {@code null}, one message per element of a {@code Collection}, a
 * {@code String} as text, {@code byte[]} as is, anything else as JSON. The producers send
 * synchronously, inside the invocation, so a failure fails the invocation and the triggering
 * message is retried.
 *
 * <p>The outputs carry the triggering message's own headers, as Spring Cloud Stream propagates
 * them, except its trace: with a tracer, the invocation's span is the parent of what it sends
 * ({@link #traceOfCurrentSpan()}), as for any other output.
 */
final class StreamOutputSender {

	private final List<MessageChannel> channels;

	private final ObjectMapper mapper;

	private final TraceHeaders traceHeaders;

	StreamOutputSender(List<MessageChannel> channels, ObjectMapper mapper, TraceHeaders traceHeaders) {
		this.channels = List.copyOf(channels);
		this.mapper = mapper;
		this.traceHeaders = traceHeaders;
	}

	/**
	 * The propagation headers of the span in scope (the invocation's, when called inside it), or an
	 * empty map without a tracer.
	 */
	Map<String, String> traceOfCurrentSpan() {
		return this.traceHeaders.current();
	}

	/**
	 * The headers the outputs carry: the triggering message's, with its {@code traceparent} and
	 * {@code tracestate} replaced by the invocation's trace when there is one.
	 */
	static Map<String, String> propagated(Map<String, String> triggering, Map<String, String> invocationTrace) {
		if (invocationTrace == null || invocationTrace.isEmpty()) {
			return triggering;
		}
		Map<String, String> headers = new LinkedHashMap<>(triggering);
		headers.remove(TraceContext.TRACEPARENT);
		headers.remove(TraceContext.TRACESTATE);
		headers.putAll(invocationTrace);
		return headers;
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
