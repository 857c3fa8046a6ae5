package dev.funcboot.trigger.dapr;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/** What the sidecar's request headers tell an invocation: the trace context and the binding's metadata. */
final class DaprRequests {

	private DaprRequests() {
	}

	/**
	 * The request body, or {@code null} when it is larger than the limit (read no further than
	 * that, so an oversized request costs no more memory than the limit).
	 */
	static byte[] body(HttpServletRequest request, long maxBytes) throws IOException {
		if (request.getContentLengthLong() > maxBytes) {
			return null;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
		return (body.length > maxBytes) ? null : body;
	}

	/** {@code traceparent} and {@code tracestate} of the sidecar's delivery, when present. */
	static Map<String, Object> metadata(HttpServletRequest request) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		String traceparent = request.getHeader(DaprOutputPublisher.TRACEPARENT);
		if (traceparent != null && !traceparent.isBlank()) {
			metadata.put(DaprOutputPublisher.TRACEPARENT, traceparent);
		}
		String tracestate = request.getHeader(DaprOutputPublisher.TRACESTATE);
		if (tracestate != null && !tracestate.isBlank()) {
			metadata.put(DaprOutputPublisher.TRACESTATE, tracestate);
		}
		return metadata;
	}

}
