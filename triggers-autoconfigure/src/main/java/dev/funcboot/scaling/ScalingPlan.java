package dev.funcboot.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the declared triggers imply for scaling: the rules, the replica bounds, and why a bound was
 * raised.
 *
 * @param rules the scale rules, HTTP first
 * @param minReplicas the least replicas (0 = scale to zero)
 * @param maxReplicas the most replicas
 * @param notes why the plan differs from the configured bounds, for people
 */
public record ScalingPlan(List<ScaleRule> rules, int minReplicas, int maxReplicas, List<String> notes) {

	public ScalingPlan {
		rules = List.copyOf(rules);
		notes = List.copyOf(notes);
	}

	public static Builder builder(int minReplicas, int maxReplicas) {
		return new Builder(minReplicas, maxReplicas);
	}

	/** As the Actuator endpoint shows it. */
	public Map<String, Object> describe() {
		List<Map<String, Object>> described = new ArrayList<>();
		for (ScaleRule rule : this.rules) {
			described.add(Map.of("name", rule.name(), "type", rule.type(), "metadata", rule.metadata(), "auth",
					rule.auth().stream().map((auth) -> Map.of("secretRef", auth.secretRef(), "triggerParameter",
							auth.triggerParameter())).toList(), "function", (rule.function() != null) ? rule.function() : ""));
		}
		return Map.of("minReplicas", this.minReplicas, "maxReplicas", this.maxReplicas, "rules", described, "notes",
				this.notes);
	}

	public static final class Builder {

		private final List<ScaleRule> rules = new ArrayList<>();

		private final List<String> notes = new ArrayList<>();

		private int minReplicas;

		private final int maxReplicas;

		private Builder(int minReplicas, int maxReplicas) {
			if (minReplicas < 0 || maxReplicas < 1 || minReplicas > maxReplicas) {
				throw new IllegalArgumentException("Replica bounds must satisfy 0 <= min <= max and max >= 1, were min "
						+ minReplicas + ", max " + maxReplicas);
			}
			this.minReplicas = minReplicas;
			this.maxReplicas = maxReplicas;
		}

		public Builder rule(ScaleRule rule) {
			boolean taken = this.rules.stream().anyMatch((existing) -> existing.name().equals(rule.name()));
			if (!taken) {
				this.rules.add(rule);
			}
			return this;
		}

		/** Raises the minimum, saying why (only once per reason). */
		public Builder atLeast(int replicas, String reason) {
			if (replicas > this.minReplicas) {
				this.minReplicas = Math.min(replicas, this.maxReplicas);
			}
			if (!this.notes.contains(reason)) {
				this.notes.add(reason);
			}
			return this;
		}

		public Builder note(String note) {
			if (!this.notes.contains(note)) {
				this.notes.add(note);
			}
			return this;
		}

		public ScalingPlan build() {
			List<ScaleRule> ordered = new ArrayList<>(this.rules);
			ordered.sort((a, b) -> Boolean.compare(!ScaleRule.HTTP.equals(a.type()), !ScaleRule.HTTP.equals(b.type())));
			return new ScalingPlan(ordered, this.minReplicas, this.maxReplicas, this.notes);
		}

	}

}
