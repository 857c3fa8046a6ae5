package dev.funcboot.trigger.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the query string itself: {@code ServletRequest#getParameterMap} would consume a form
 * body.
 */
final class QueryString {

	private QueryString() {
	}

	/** First value of each parameter, decoded. */
	static Map<String, String> parse(String query) {
		if (query == null || query.isEmpty()) {
			return Map.of();
		}
		Map<String, String> result = new LinkedHashMap<>();
		int start = 0;
		while (start <= query.length()) {
			int amp = query.indexOf('&', start);
			int end = (amp < 0) ? query.length() : amp;
			if (end > start) {
				String pair = query.substring(start, end);
				int eq = pair.indexOf('=');
				String name = decode((eq < 0) ? pair : pair.substring(0, eq));
				String value = (eq < 0) ? "" : decode(pair.substring(eq + 1));
				result.putIfAbsent(name, value);
			}
			start = end + 1;
		}
		return Collections.unmodifiableMap(result);
	}

	private static String decode(String value) {
		try {
			return (value.indexOf('%') >= 0 || value.indexOf('+') >= 0)
					? URLDecoder.decode(value, StandardCharsets.UTF_8) : value;
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

}
