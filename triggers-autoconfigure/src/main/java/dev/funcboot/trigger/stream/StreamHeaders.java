package dev.funcboot.trigger.stream;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Header names of Funcboot's dead letters and retries, and headers as strings for the invocation context. */
public final class StreamHeaders {

	/** Why the message was dead-lettered. */
	public static final String REASON = "x-funcboot-reason";

	/** The function that gave up on it. */
	public static final String FUNCTION = "x-funcboot-function";

	/** How many attempts were made. */
	public static final String ATTEMPTS = "x-funcboot-attempts";

	/** The last invocation's id. */
	public static final String INVOCATION_ID = "x-funcboot-invocation-id";

	/** Where it came from (topic, exchange, event hub, queue). */
	public static final String ORIGINAL_DESTINATION = "x-original-destination";

	/** On a redelivered message: its attempt number (RabbitMQ). */
	public static final String ATTEMPT = "x-funcboot-attempt";

	private StreamHeaders() {
	}

	/** Every header that passes the filter, its value as a string (bytes as UTF-8). */
	public static Map<String, String> asStrings(Map<String, Object> headers, Predicate<String> include) {
		Map<String, String> strings = new LinkedHashMap<>();
		headers.forEach((name, value) -> {
			if (value != null && include.test(name)) {
				strings.put(name, (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
						: String.valueOf(value));
			}
		});
		return strings;
	}

}
