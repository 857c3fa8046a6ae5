package dev.funcboot.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.funcboot.benchmarks.harness.Args;
import dev.funcboot.benchmarks.harness.FirstResponse;
import dev.funcboot.benchmarks.harness.Percentiles;
import dev.funcboot.benchmarks.harness.ResultsFile;
import dev.funcboot.benchmarks.harness.Target;
import dev.funcboot.demo.orders.OrderIntakeApplication;
import dev.funcboot.benchmarks.startup.plain.PlainStartupApp;

/**
 * Measures the time from starting a JVM to its first successful HTTP response, alternating a
 * Funcboot application and a plain Spring Boot one with the same class path, and prints the
 * medians and their ratio. Children run with this JVM's class path.
 *
 * <p>Options: {@code --runs 5}, {@code --warmup-runs 1} (not counted), {@code --timeout 120s},
 * {@code --java-opts "..."} (for the children), {@code --log-dir DIR}, {@code --results FILE}.
 */
public final class StartupBenchmark {

	static final Target TARGET = Target.atMost(1.10);

	/** The demo's anonymous function; the baseline serves the same path from a controller. */
	private static final String HEALTH_PATH = "/api/products";

	private StartupBenchmark() {
	}

	record Side(String name, Class<?> main, String description) {
	}

	public static void main(String[] arguments) throws Exception {
		Args args = new Args(arguments);
		int runs = args.integer("runs", 5);
		int warmupRuns = args.integer("warmup-runs", 1);
		Duration timeout = args.duration("timeout", Duration.ofSeconds(120));
		List<String> javaOpts = split(args.string("java-opts", ""));
		Path logDir = Path.of(args.string("log-dir", "target/bench"));
		String resultsPath = args.string("results", null);
		ResultsFile results = new ResultsFile((resultsPath != null) ? Path.of(resultsPath) : null);
		Files.createDirectories(logDir);

		List<Side> sides = List.of(
				new Side("funcboot", OrderIntakeApplication.class,
						"the order-intake demo: 4 HTTP functions, a timer, keys, H2"),
				new Side("plain", PlainStartupApp.class,
						"@RestController, same class path, Funcboot auto-configurations excluded"));
		System.out.println("== Start-up: JVM start to first successful HTTP response (GET " + HEALTH_PATH + ") ==");
		for (Side side : sides) {
			System.out.printf(Locale.ROOT, "  %-9s %-20s %s%n", side.name(), side.main().getSimpleName(),
					side.description());
		}
		System.out.printf(Locale.ROOT, "%d warm-up run(s) each, not counted; %d measured runs each, alternating%s%n",
				warmupRuns, runs, javaOpts.isEmpty() ? "" : "; child JVM options " + javaOpts);

		for (int i = 0; i < warmupRuns; i++) {
			for (Side side : sides) {
				measure(side, javaOpts, timeout, logDir, "warmup" + (i + 1));
			}
		}
		double[][] millis = new double[sides.size()][runs];
		System.out.println();
		System.out.printf(Locale.ROOT, "%-6s %12s %12s%n", "run", "funcboot ms", "plain ms");
		for (int run = 0; run < runs; run++) {
			for (int s = 0; s < sides.size(); s++) {
				millis[s][run] = measure(sides.get(s), javaOpts, timeout, logDir, "run" + (run + 1));
			}
			System.out.printf(Locale.ROOT, "%-6d %12.0f %12.0f%n", run + 1, millis[0][run], millis[1][run]);
		}
		double funcboot = Percentiles.median(millis[0]);
		double plain = Percentiles.median(millis[1]);
		System.out.printf(Locale.ROOT, "%-6s %12.0f %12.0f%n", "median", funcboot, plain);
		System.out.printf(Locale.ROOT, "%-6s %12.0f %12.0f%n", "min", Arrays.stream(millis[0]).min().orElse(0),
				Arrays.stream(millis[1]).min().orElse(0));
		System.out.printf(Locale.ROOT, "%-6s %12.0f %12.0f%n", "max", Arrays.stream(millis[0]).max().orElse(0),
				Arrays.stream(millis[1]).max().orElse(0));
		double ratio = funcboot / plain;
		double fastestFuncboot = Arrays.stream(millis[0]).min().orElse(0);
		double fastestPlain = Arrays.stream(millis[1]).min().orElse(0);
		System.out.println();
		System.out.printf(Locale.ROOT, "%-34s %7.3f   (%.0f vs %.0f ms)  target %-7s %s%n",
				"Funcboot / plain median start-up", ratio, funcboot, plain, TARGET, TARGET.verdict(ratio));
		System.out.printf(Locale.ROOT, "%-34s %7.3f   (%.0f vs %.0f ms)  (no target)%n",
				"Funcboot / plain fastest start-up", fastestFuncboot / fastestPlain, fastestFuncboot, fastestPlain);
		results.add("start-up median ms", String.format(Locale.ROOT, "%.0f", funcboot),
				String.format(Locale.ROOT, "%.0f", plain), ratio, TARGET);
		results.add("start-up fastest ms", String.format(Locale.ROOT, "%.0f", fastestFuncboot),
				String.format(Locale.ROOT, "%.0f", fastestPlain), fastestFuncboot / fastestPlain, null);
		double spread = Math.max(spread(millis[0]), spread(millis[1]));
		if (spread > 0.2) {
			System.out.printf(Locale.ROOT, "WARNING: start-up times of one side spread by %.0f%% of its median; "
					+ "other load on the machine? The ratio is not meaningful at this noise.%n", spread * 100);
		}
	}

	/** (max - min) / median: how much the runs of one side disagree. */
	static double spread(double[] values) {
		double min = Arrays.stream(values).min().orElse(0);
		double max = Arrays.stream(values).max().orElse(0);
		return (max - min) / Percentiles.median(values);
	}

	/** Starts the side's JVM, waits for its first 200, stops it; returns the milliseconds. */
	static double measure(Side side, List<String> javaOpts, Duration timeout, Path logDir, String label)
			throws IOException, InterruptedException {
		int port = FirstResponse.freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaOpts);
		command.addAll(launch(side.main()));
		command.add("--server.port=" + port);
		// both sides read the demo's application.yml from the class path; keep its database in memory
		command.add("--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1");
		File log = logDir.resolve("startup-" + side.name() + "-" + label + ".log").toFile();
		return FirstResponse.measure(command, port, HEALTH_PATH, timeout, log, side.name());
	}

	/**
	 * How to start a main class the way this JVM was started: from the benchmarks' executable
	 * jar (ZIP layout, so {@code -Dloader.main} picks the class), or from a plain class path.
	 */
	static List<String> launch(Class<?> main) {
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
			return List.of("-Dloader.main=" + main.getName(), "-jar", classPath);
		}
		return List.of("-cp", classPath, main.getName());
	}

	static List<String> split(String options) {
		String trimmed = options.trim();
		return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
	}

}
