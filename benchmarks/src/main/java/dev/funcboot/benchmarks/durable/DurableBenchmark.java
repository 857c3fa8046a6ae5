package dev.funcboot.benchmarks.durable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import dev.funcboot.benchmarks.harness.Args;
import dev.funcboot.benchmarks.harness.ResultsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the durable engine in this process, a {@link dev.funcboot.durable.runtime.DurableWorker}
 * with no-op activities, on each store in turn (in memory as the baseline, H2 in a file,
 * PostgreSQL), and compares what it measures with the figures published for Azure Durable
 * Functions. Every figure comes from history timestamps; each store runs warm-up rounds first,
 * then measured rounds, and the median is judged. A miss is reported, never an exit status.
 *
 * <p>Options (see {@link DurableSettings}): {@code --stores memory,h2,postgres},
 * {@code --scenarios sequential,parallel,events,cities}, {@code --rounds 5}, {@code --warmup-rounds 1},
 * {@code --sequential 200}, {@code --parallel 1000}, {@code --events 500}, {@code --cities 500},
 * {@code --orchestration-threads 2}, {@code --activity-threads 4}, {@code --pool-size} (threads + 2),
 * {@code --pg-url jdbc:postgresql://127.0.0.1:5432/test}, {@code --pg-user postgres},
 * {@code --pg-password ""}, {@code --timeout 120s}, {@code --store-timings false}, {@code --results FILE}.
 */
public final class DurableBenchmark {

	/** Warm-up lasts at least this long: a round in memory takes a fraction of a second, short for the JIT. */
	private static final long MIN_WARMUP_NANOS = 5_000_000_000L;

	private DurableBenchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		quietLogging();
		Args args = new Args(arguments);
		DurableSettings settings = DurableSettings.of(args);
		String resultsPath = args.string("results", null);
		ResultsFile results = new ResultsFile((resultsPath != null) ? Path.of(resultsPath) : null);

		System.out.println("== Durable engine: one DurableWorker in this JVM, no-op activities, per store ==");
		System.out.printf(Locale.ROOT,
				"sequential %d activities | fan-out/fan-in %d activities | %d external events | HelloCities5 x %d%n",
				settings.sequential(), settings.parallel(), settings.events(), settings.cities());
		System.out.printf(Locale.ROOT,
				"%d orchestration + %d activity threads, JDBC pool %d; %d warm-up round(s), not counted, then %d"
						+ " measured rounds; medians judged%n",
				settings.orchestrationThreads(), settings.activityThreads(), settings.poolSize(),
				settings.warmupRounds(), settings.rounds());
		System.out.println("Figures come from history timestamps (see benchmarks/README.md); targets are floors on"
				+ " this machine, ratios are against the published Durable Functions figures.");

		List<StoreResults> measured = new ArrayList<>();
		Map<String, String> failed = new LinkedHashMap<>();
		for (String name : settings.stores()) {
			long started = System.nanoTime();
			try {
				StoreResults store = measure(name, settings);
				measured.add(store);
				DurableReport.printStore(System.out, store, measured.get(0).store().equals("memory") ? measured.get(0)
						: null);
			}
			catch (Exception ex) {
				failed.put(name, String.valueOf(ex.getMessage()));
				System.out.println();
				System.out.println("ERROR: store " + name + " could not be measured: " + ex);
				if (!(ex instanceof IllegalStateException)) {
					ex.printStackTrace(System.out);
				}
			}
			System.out.printf(Locale.ROOT, "(%s took %.0f s)%n", name, (System.nanoTime() - started) / 1e9);
		}
		if (measured.size() > 1) {
			DurableReport.printSummary(System.out, measured);
		}
		DurableReport.writeResults(results, measured);
		failed.keySet().forEach((store) -> results.add("durable " + store, "-", "-", "-", "-", "ERROR"));
	}

	private static StoreResults measure(String name, DurableSettings settings) throws Exception {
		try (BenchStore store = open(name, settings)) {
			System.out.println();
			System.out.println("-- " + store.name() + ": " + store.description());
			StoreResults results = new StoreResults(store.name());
			try (DurableScenarios scenarios = new DurableScenarios(store.store(), settings.orchestrationThreads(),
					settings.activityThreads(), settings.timeout(), settings.storeTimings())) {
				warmUp(store, scenarios, settings);
				for (int i = 1; i <= settings.rounds(); i++) {
					long started = System.nanoTime();
					Map<DurableMetric, Double> figures = round(store, scenarios, settings);
					results.add(figures);
					System.out.println(DurableReport.roundLine("run " + i, figures, System.nanoTime() - started));
				}
			}
			return results;
		}
	}

	/** The warm-up rounds asked for, and more until they took {@link #MIN_WARMUP_NANOS}. */
	private static void warmUp(BenchStore store, DurableScenarios scenarios, DurableSettings settings)
			throws InterruptedException {
		long begin = System.nanoTime();
		int rounds = 0;
		while (rounds < settings.warmupRounds()
				|| (settings.warmupRounds() > 0 && System.nanoTime() - begin < MIN_WARMUP_NANOS)) {
			long started = System.nanoTime();
			Map<DurableMetric, Double> figures = round(store, scenarios, settings);
			rounds++;
			if (rounds <= settings.warmupRounds()) {
				System.out.println(DurableReport.roundLine("warm-up " + rounds, figures, System.nanoTime() - started));
			}
		}
		if (rounds > settings.warmupRounds()) {
			System.out.printf(Locale.ROOT, "  warm-up went on for %d more round(s), to %.0f s in all%n",
					rounds - settings.warmupRounds(), (System.nanoTime() - begin) / 1e9);
		}
	}

	private static BenchStore open(String name, DurableSettings settings) throws Exception {
		return switch (name) {
			case "memory" -> BenchStore.inMemory();
			case "h2" -> BenchStore.h2(settings.poolSize());
			case "postgres" -> BenchStore.postgres(settings.pgUrl(), settings.pgUser(), settings.pgPassword(),
					settings.poolSize());
			default -> throw new IllegalArgumentException("Unknown store " + name);
		};
	}

	/** Every chosen scenario once, in the order given, each on a store as its database would keep it. */
	private static Map<DurableMetric, Double> round(BenchStore store, DurableScenarios scenarios,
			DurableSettings settings) throws InterruptedException {
		Map<DurableMetric, Double> figures = new EnumMap<>(DurableMetric.class);
		for (String scenario : settings.scenarios()) {
			store.maintain();
			figures.putAll(switch (scenario) {
				case "sequential" -> scenarios.sequential(settings.sequential());
				case "parallel" -> scenarios.parallel(settings.parallel());
				case "events" -> scenarios.externalEvents(settings.events());
				case "cities" -> scenarios.helloCities(settings.cities());
				default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
			});
			scenarios.printStoreTimings(System.out, scenario);
		}
		return figures;
	}

	/** The engine and the pools log at WARN and above: the benchmark's own output is the report. */
	private static void quietLogging() {
		if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(Level.WARN);
		}
	}

}
