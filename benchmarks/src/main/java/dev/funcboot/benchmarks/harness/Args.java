package dev.funcboot.benchmarks.harness;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Command-line options of the form {@code --name value} or {@code --name=value}. */
public final class Args {

	private final Map<String, String> values = new LinkedHashMap<>();

	public Args(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + arg + "'; options look like --name value");
			}
			int equals = arg.indexOf('=');
			if (equals > 0) {
				this.values.put(arg.substring(2, equals), arg.substring(equals + 1));
			}
			else if (i + 1 < args.length) {
				this.values.put(arg.substring(2), args[++i]);
			}
			else {
				throw new IllegalArgumentException("Option " + arg + " needs a value");
			}
		}
	}

	public String string(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	public int integer(String name, int fallback) {
		String value = this.values.get(name);
		try {
			return (value != null) ? Integer.parseInt(value.trim()) : fallback;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
		}
	}

	public boolean bool(String name, boolean fallback) {
		String value = this.values.get(name);
		return (value != null) ? Boolean.parseBoolean(value.trim()) : fallback;
	}

	public Duration duration(String name, Duration fallback) {
		String value = this.values.get(name);
		return (value != null) ? parseDuration(name, value) : fallback;
	}

	/** Parses {@code 500ms}, {@code 10s}, {@code 2m}, or a bare number of seconds. */
	static Duration parseDuration(String name, String value) {
		String text = value.trim().toLowerCase(Locale.ROOT);
		try {
			if (text.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
			}
			if (text.endsWith("s")) {
				return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
			}
			if (text.endsWith("m")) {
				return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)) * 60);
			}
			return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"--" + name + " must be a duration such as 500ms, 10s or 2m, was '" + value + "'");
		}
	}

}
