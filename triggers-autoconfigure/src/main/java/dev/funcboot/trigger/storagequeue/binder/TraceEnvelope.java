package dev.funcboot.trigger.storagequeue.binder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.funcboot.functions.TraceContext;

/**
 * How a Storage queue message carries trace context. Storage queue messages have no metadata, so
 * a producer with {@code trace-envelope} on wraps the payload:
 *
 * <pre>{"funcboot-envelope":1,"headers":{"traceparent":"00-..."},"body":"&lt;payload, Base64&gt;"}</pre>
 *
 * A consumer unwraps such envelopes whatever its own settings, and passes their headers on as
 * message headers; every other message is delivered as it is. Off by default, because consumers
 * other than Funcboot (an Azure Functions app, a script) would see the envelope instead of the
 * payload.
 *
 * @param version always 1
 * @param headers the propagated headers ({@code traceparent}, {@code tracestate})
 * @param body the payload, Base64
 */
@JsonPropertyOrder({ "funcboot-envelope", "headers", "body" })
public record TraceEnvelope(@com.fasterxml.jackson.annotation.JsonProperty("funcboot-envelope") int version,
		Map<String, String> headers, String body) {

	private static final byte[] MARKER = "{\"funcboot-envelope\":".getBytes(StandardCharsets.US_ASCII);

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	/** Wraps the payload with the trace headers among the message headers; none, no envelope. */
	public static byte[] wrap(byte[] payload, Map<String, ?> messageHeaders) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String key : new String[] { TraceContext.TRACEPARENT, TraceContext.TRACESTATE }) {
			Object value = messageHeaders.get(key);
			if (value != null) {
				headers.put(key, (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
						: value.toString());
			}
		}
		if (headers.isEmpty()) {
			return payload;
		}
		try {
			return MAPPER.writeValueAsBytes(new TraceEnvelope(1, headers, Base64.getEncoder().encodeToString(payload)));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write the trace envelope", ex);
		}
	}

	/**
	 * The envelope in a decoded message, or {@code null} when the message is not one (a plain
	 * payload, which may well be JSON itself).
	 */
	public static TraceEnvelope unwrap(byte[] decoded) {
		if (decoded.length < MARKER.length || !Arrays.equals(decoded, 0, MARKER.length, MARKER, 0, MARKER.length)) {
			return null;
		}
		try {
			TraceEnvelope envelope = MAPPER.readValue(decoded, TraceEnvelope.class);
			return (envelope.version() == 1 && envelope.body() != null) ? envelope : null;
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
	}

	/** The payload inside. */
	public byte[] payload() {
		return Base64.getDecoder().decode(this.body);
	}

	@Override
	public Map<String, String> headers() {
		return (this.headers != null) ? this.headers : Map.of();
	}

}
