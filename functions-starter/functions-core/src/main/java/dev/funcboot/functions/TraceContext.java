package dev.funcboot.functions;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * W3C Trace Context keys as they travel in message metadata. An adapter that receives an event
 * puts the incoming {@value #TRACEPARENT} (and {@value #TRACESTATE}) into the
 * {@link InvocationContext#triggerMetadata() trigger metadata}; the pipeline continues that trace
 * for the invocation, and outputs carry the invocation's own trace context onwards, so a chain
 * HTTP → queue → topic shows as one trace.
 */
public final class TraceContext {

	/** The W3C {@code traceparent} header: {@code version-traceid-parentid-flags}. */
	public static final String TRACEPARENT = "traceparent";

	/** The W3C {@code tracestate} header (vendor data, passed through). */
	public static final String TRACESTATE = "tracestate";

	private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

	private TraceContext() {
	}

	/**
	 * Whether the value is a well-formed {@code traceparent}; a malformed one is ignored (a new
	 * trace starts), never an invocation failure.
	 */
	public static boolean isValidTraceparent(Object value) {
		return value instanceof String text && TRACEPARENT_FORMAT.matcher(text).matches()
				&& !text.startsWith("ff") && !text.substring(3, 35).chars().allMatch((c) -> c == '0');
	}

	/** The trace id of a valid {@code traceparent}, else {@code null}. */
	public static String traceId(Object traceparent) {
		return isValidTraceparent(traceparent) ? ((String) traceparent).substring(3, 35) : null;
	}

	/**
	 * Reads a propagation key from trigger metadata: the key itself, case-insensitively, else the
	 * same key in a nested {@code headers} map (how message adapters pass their headers).
	 */
	public static String lookup(Map<String, ?> metadata, String key) {
		String value = find(metadata, key);
		if (value == null && metadata.get("headers") instanceof Map<?, ?> headers) {
			@SuppressWarnings("unchecked")
			Map<String, ?> nested = (Map<String, ?>) headers;
			value = find(nested, key);
		}
		return value;
	}

	private static String find(Map<String, ?> map, String key) {
		Object value = map.get(key);
		if (value == null) {
			for (Map.Entry<String, ?> entry : map.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(key)) {
					value = entry.getValue();
					break;
				}
			}
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

}
