package dev.funcboot.functions.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response with full control over status and headers. A body that is a {@code String} is sent
 * as text, a {@code byte[]} as octets, anything else as JSON, unless a {@code Content-Type}
 * header says otherwise.
 *
 * @param status the HTTP status code
 * @param headers header values by name
 * @param body the body or {@code null}
 */
public record HttpResponseMessage(int status, Map<String, List<String>> headers, Object body) {

	public HttpResponseMessage {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("HTTP status must be 100-599, was " + status);
		}
		headers = (headers != null) ? Collections.unmodifiableMap(headers) : Map.of();
	}

	public static Builder status(int status) {
		return new Builder(status);
	}

	public static HttpResponseMessage ok(Object body) {
		return new HttpResponseMessage(200, null, body);
	}

	/** Builds a response; not thread-safe. */
	public static final class Builder {

		private final int status;

		private final Map<String, List<String>> headers = new LinkedHashMap<>();

		private Object body;

		private Builder(int status) {
			this.status = status;
		}

		public Builder header(String name, String value) {
			this.headers.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			return this;
		}

		public Builder body(Object body) {
			this.body = body;
			return this;
		}

		public HttpResponseMessage build() {
			Map<String, List<String>> copy = new LinkedHashMap<>();
			this.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
			return new HttpResponseMessage(this.status, copy, this.body);
		}

	}

}
