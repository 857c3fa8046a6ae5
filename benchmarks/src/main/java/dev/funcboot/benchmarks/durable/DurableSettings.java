package dev.funcboot.benchmarks.durable;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.funcboot.benchmarks.harness.Args;

/**
 * The options of {@link DurableBenchmark}, with their defaults.
 *
 * @param stores which stores to measure, in order ({@code memory}, the baseline, first by default)
 * @param scenarios which scenarios each round runs, in order
 * @param poolSize JDBC connections: every worker thread, the benchmark's client thread, one spare
 * @param timeout how long one instance (or all of HelloCities5's) may take before the run fails
 * @param storeTimings whether to count and time every store call, printed per scenario
 */
record DurableSettings(List<String> stores, List<String> scenarios, int rounds, int warmupRounds, int sequential,
		int parallel, int events, int cities, int orchestrationThreads, int activityThreads, int poolSize, String pgUrl,
		String pgUser, String pgPassword, Duration timeout, boolean storeTimings) {

	static final List<String> STORES = List.of("memory", "h2", "postgres");

	static final List<String> SCENARIOS = List.of("sequential", "parallel", "events", "cities");

	static DurableSettings of(Args args) {
		int orchestrationThreads = positive(args, "orchestration-threads", 2);
		int activityThreads = positive(args, "activity-threads", 4);
		int warmupRounds = args.integer("warmup-rounds", 1);
		if (warmupRounds < 0) {
			throw new IllegalArgumentException("--warmup-rounds must not be negative, was " + warmupRounds);
		}
		return new DurableSettings(names(args, "stores", STORES), names(args, "scenarios", SCENARIOS),
				positive(args, "rounds", 5), warmupRounds, positive(args, "sequential", 200),
				positive(args, "parallel", 1000), positive(args, "events", 500), positive(args, "cities", 500),
				orchestrationThreads, activityThreads,
				positive(args, "pool-size", orchestrationThreads + activityThreads + 2),
				args.string("pg-url", "jdbc:postgresql://127.0.0.1:5432/test"), args.string("pg-user", "postgres"),
				args.string("pg-password", ""), args.duration("timeout", Duration.ofSeconds(120)),
				args.bool("store-timings", false));
	}

	/** A comma-separated subset of the known names, in the order given. */
	static List<String> names(Args args, String option, List<String> known) {
		List<String> values = List.of(args.string(option, String.join(",", known)).split(","))
			.stream()
			.map((name) -> name.trim().toLowerCase(Locale.ROOT))
			.filter((name) -> !name.isEmpty())
			.distinct()
			.toList();
		for (String value : values) {
			if (!known.contains(value)) {
				throw new IllegalArgumentException("--" + option + " takes " + String.join(", ", known)
						+ ", separated by commas; '" + value + "' is none of them");
			}
		}
		if (values.isEmpty()) {
			throw new IllegalArgumentException("--" + option + " names none of " + String.join(", ", known));
		}
		return values;
	}

	private static int positive(Args args, String option, int fallback) {
		int value = args.integer(option, fallback);
		if (value < 1) {
			throw new IllegalArgumentException("--" + option + " must be at least 1, was " + value);
		}
		return value;
	}

}
