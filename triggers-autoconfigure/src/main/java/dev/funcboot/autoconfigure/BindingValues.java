package dev.funcboot.autoconfigure;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.PropertyResolver;

/** Resolves {@code ${...}} placeholders and durations in annotation values. */
public final class BindingValues {

	private final PropertyResolver resolver;

	public BindingValues(PropertyResolver resolver) {
		this.resolver = resolver;
	}

	/** The value with placeholders resolved; fails naming the function for a missing property. */
	public String resolve(String function, String attribute, String value) {
		if (value == null) {
			return null;
		}
		try {
			return this.resolver.resolveRequiredPlaceholders(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Function '" + function + "': cannot resolve " + attribute + " '" + value
					+ "': " + ex.getMessage(), ex);
		}
	}

	/** A duration such as {@code 30s} or {@code PT30S}, or {@code null} for an empty value. */
	public Duration duration(String function, String attribute, String value) {
		String resolved = resolve(function, attribute, value);
		if (resolved == null || resolved.isBlank()) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(resolved.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Function '" + function + "': " + attribute + " '" + resolved
					+ "' is not a duration; write e.g. '30s', '5m' or 'PT30S'", ex);
		}
	}

}
