package dev.funcboot.trigger.dapr;

import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.JsonInputErrors;
import dev.funcboot.functions.InputConversionException;

/**
 * One event as the sidecar delivers it: a CloudEvent (its attributes and its {@code data}, or
 * {@code data_base64}), or a raw payload when the body is not a CloudEvent.
 *
 * @param envelope the CloudEvent as JSON, or {@code null} for a raw payload
 * @param data the CloudEvent's {@code data} as JSON, or {@code null}
 * @param bytes the raw payload or the decoded {@code data_base64}, or {@code null}
 */
record DaprEvent(JsonNode envelope, JsonNode data, byte[] bytes) {

	/** Parses a request body; a body that is not JSON is a raw payload. */
	static DaprEvent parse(byte[] body, String contentType, ObjectMapper mapper) {
		boolean json = contentType == null || contentType.contains("json");
		if (!json || body.length == 0) {
			return new DaprEvent(null, null, body);
		}
		JsonNode node;
		try {
			node = mapper.readTree(body);
		}
		catch (JsonProcessingException ex) {
			throw JsonInputErrors.of(ex);
		}
		catch (IOException ex) {
			throw new InputConversionException(null, "Unreadable event body: " + ex.getMessage(), ex);
		}
		return of(node, body);
	}

	/** An event given as JSON (a bulk entry's {@code event}). */
	static DaprEvent of(JsonNode node, byte[] raw) {
		if (node != null && node.isObject() && node.has("specversion")) {
			JsonNode base64 = node.get("data_base64");
			if (base64 != null && base64.isTextual()) {
				try {
					return new DaprEvent(node, null, Base64.getDecoder().decode(base64.asText()));
				}
				catch (IllegalArgumentException ex) {
					throw new InputConversionException("data_base64", "The CloudEvent's data_base64 is not Base64: "
							+ ex.getMessage(), ex);
				}
			}
			return new DaprEvent(node, node.get("data"), null);
		}
		return new DaprEvent(null, node, raw);
	}

	boolean isCloudEvent() {
		return this.envelope != null;
	}

	/** A CloudEvent attribute as text, or {@code null}. */
	String attribute(String name) {
		JsonNode value = (this.envelope != null) ? this.envelope.get(name) : null;
		return (value != null && !value.isNull()) ? value.asText() : null;
	}

	/** What the invocation context carries about the event: id, source, type, topic, trace context. */
	Map<String, Object> metadata() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		for (String name : new String[] { "id", "source", "type", "specversion", "datacontenttype", "subject",
				"time", "pubsubname", "topic", "traceparent", "tracestate" }) {
			String value = attribute(name);
			if (value != null) {
				metadata.put("cloudEvent." + name, value);
			}
		}
		return metadata;
	}

}
