package dev.funcboot.scaling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One KEDA scale rule as Container Apps takes it: the built-in HTTP rule ({@link #HTTP}) or a
 * custom KEDA scaler ({@code azure-queue}, {@code kafka}, {@code cron}, ...) with its metadata and
 * the secrets its parameters come from.
 *
 * @param name the rule name (lower case, unique in the app)
 * @param type {@link #HTTP} or the KEDA scaler type
 * @param metadata the scaler's metadata, as strings
 * @param auth which secret fills which trigger parameter
 * @param function the function the rule comes from, or {@code null} for an app-wide rule
 */
public record ScaleRule(String name, String type, Map<String, String> metadata, List<Auth> auth, String function) {

	/** Container Apps' built-in HTTP concurrency rule. */
	public static final String HTTP = "http";

	public ScaleRule {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		metadata = Map.copyOf(new LinkedHashMap<>(metadata));
		auth = List.copyOf(auth);
	}

	/** A secret reference: the Container Apps secret named {@code secretRef} is the scaler's {@code triggerParameter}. */
	public record Auth(String secretRef, String triggerParameter) {
	}

	/** A rule name Container Apps accepts: lower case letters, digits and '-', starting with a letter. */
	static String ruleName(String... parts) {
		String joined = String.join("-", parts)
			.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
			.toLowerCase()
			.replaceAll("[^a-z0-9-]", "-")
			.replaceAll("-+", "-")
			.replaceAll("^-|-$", "");
		return (joined.length() > 63) ? joined.substring(0, 63).replaceAll("-$", "") : joined;
	}

}
