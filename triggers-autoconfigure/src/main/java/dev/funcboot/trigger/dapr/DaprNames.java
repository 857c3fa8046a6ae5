package dev.funcboot.trigger.dapr;

import java.util.regex.Pattern;

/** Checks the names and paths a Dapr binding declares, so a typo fails the start-up, not the sidecar. */
final class DaprNames {

	/** Dapr component and topic names: letters, digits, '-', '_', '.', and '/' for topics. */
	private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]*");

	private static final Pattern ROUTE = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

	private DaprNames() {
	}

	static String component(String function, String what, String value, String fix) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("Function '" + function + "' has no " + what + "; " + fix);
		}
		String trimmed = value.trim();
		if (!COMPONENT.matcher(trimmed).matches()) {
			throw new IllegalStateException("Function '" + function + "': " + what + " '" + trimmed
					+ "' is not a Dapr component name (letters, digits, '.', '_' and '-')");
		}
		return trimmed;
	}

	static String topic(String function, String value, String fix) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("Function '" + function + "' has no topic; " + fix);
		}
		String trimmed = value.trim();
		if (!TOPIC.matcher(trimmed).matches()) {
			throw new IllegalStateException("Function '" + function + "': topic '" + trimmed
					+ "' has characters a topic name cannot have (use letters, digits, '.', '_', '-', '/', ':')");
		}
		return trimmed;
	}

	/** A route with a leading '/', or the fallback when empty. */
	static String route(String function, String value, String fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String route = value.trim().startsWith("/") ? value.trim() : "/" + value.trim();
		if (!ROUTE.matcher(route).matches()) {
			throw new IllegalStateException("Function '" + function + "': Dapr route '" + value
					+ "' is not a plain path; use segments of letters, digits, '.', '_', '~' and '-', e.g. /orders");
		}
		if (route.equals("/dapr/subscribe") || route.equals("/dapr/config") || route.equals("/healthz")) {
			throw new IllegalStateException("Function '" + function + "': Dapr route '" + route
					+ "' is reserved for the sidecar's own calls; choose another path");
		}
		return route;
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
