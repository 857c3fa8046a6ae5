package dev.funcboot.trigger.dapr;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.OutputPayloads;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.binding.DaprPublishBinding;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.PublishEventRequest;
import reactor.util.context.Context;

/**
 * Publishes a function's result to its {@code @DaprPublish} topics through the Dapr client:
 * nothing for {@code null}, one event per element of a {@code Collection}, a {@code String} as
 * {@code text/plain}, {@code byte[]} as {@code application/octet-stream}, anything else as JSON.
 * The invocation's {@code traceparent} and {@code tracestate} (trigger metadata) go along as the
 * gRPC call's trace headers and as the CloudEvent's ({@code cloudevent.traceparent} metadata).
 * Publishes synchronously, so a failure fails the delivery and the triggering event is retried.
 */
final class DaprOutputPublisher {

	/** Trigger metadata keys of the trace context the adapters put into the invocation context. */
	static final String TRACEPARENT = "traceparent";

	static final String TRACESTATE = "tracestate";

	private final DaprClient client;

	private final ObjectMapper mapper;

	private final Duration timeout;

	DaprOutputPublisher(DaprClient client, ObjectMapper mapper, Duration timeout) {
		this.client = client;
		this.mapper = mapper;
		this.timeout = timeout;
	}

	void publish(List<DaprPublishBinding> outputs, Object result, InvocationContext context) {
		if (result == null || outputs.isEmpty()) {
			return;
		}
		Collection<?> values = (result instanceof Collection<?> collection) ? collection : List.of(result);
		String traceparent = text(context.triggerMetadata().get(TRACEPARENT));
		String tracestate = text(context.triggerMetadata().get(TRACESTATE));
		for (Object value : values) {
			if (value == null) {
				continue;
			}
			for (DaprPublishBinding output : outputs) {
				publish(output, value, traceparent, tracestate);
			}
		}
	}

	private void publish(DaprPublishBinding output, Object value, String traceparent, String tracestate) {
		PublishEventRequest request = new PublishEventRequest(output.pubsub(), output.topic(), payload(value));
		request.setContentType(contentType(value));
		Map<String, String> metadata = new LinkedHashMap<>();
		Context trace = Context.empty();
		if (traceparent != null) {
			metadata.put("cloudevent.traceparent", traceparent);
			trace = trace.put(TRACEPARENT, traceparent);
		}
		if (tracestate != null) {
			metadata.put("cloudevent.tracestate", tracestate);
			trace = trace.put(TRACESTATE, tracestate);
		}
		request.setMetadata(metadata);
		Context traceContext = trace;
		try {
			this.client.publishEvent(request).contextWrite(traceContext).block(this.timeout);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not publish the result to Dapr pub/sub '" + output.pubsub()
					+ "' topic '" + output.topic() + "': " + ex.getMessage()
					+ " (is the Dapr sidecar running and the component configured?)", ex);
		}
	}

	private byte[] payload(Object value) {
		return OutputPayloads.bytes(value, this.mapper, "Dapr pub/sub");
	}

	private static String contentType(Object value) {
		if (value instanceof byte[]) {
			return "application/octet-stream";
		}
		return (value instanceof String) ? "text/plain" : "application/json";
	}

	private static String text(Object value) {
		return (value != null && !value.toString().isBlank()) ? value.toString() : null;
	}

}
