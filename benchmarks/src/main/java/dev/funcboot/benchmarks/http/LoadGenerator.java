package dev.funcboot.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.funcboot.benchmarks.harness.Args;
import dev.funcboot.benchmarks.harness.KeepAliveConnection;
import dev.funcboot.benchmarks.harness.LatencySamples;
import dev.funcboot.benchmarks.harness.Percentiles;
import dev.funcboot.benchmarks.harness.ResultsFile;
import dev.funcboot.benchmarks.harness.Target;

/**
 * Drives {@link HttpOverheadApp} from a second JVM: warms every endpoint up, then alternates
 * measured runs of the sides (funcboot, plain, funcboot-key, plain-sized, then reversed, ...)
 * against the same server and prints throughput and latency percentiles per side and the
 * Funcboot / plain ratios.
 *
 * <p>Options: {@code --port N} or {@code --port-file FILE} (written by the server),
 * {@code --host}, {@code --connections 16}, {@code --warmup 20s}, {@code --duration 10s},
 * {@code --rounds 3}, {@code --keyed true}, {@code --sized true}, {@code --results FILE},
 * {@code --wait 120s}, and {@code --only plain} (comma-separated sides, to profile one; no ratios).
 */
public final class LoadGenerator {

	static final Target THROUGHPUT_TARGET = Target.atLeast(0.90);

	static final Target P99_TARGET = Target.atMost(1.15);

	private LoadGenerator() {
	}

	/** One way of reaching the function. */
	record Side(String name, String path, String description, byte[] request) {
	}

	public static void main(String[] arguments) throws Exception {
		Args args = new Args(arguments);
		String host = args.string("host", "127.0.0.1");
		int connections = args.integer("connections", 16);
		Duration warmup = args.duration("warmup", Duration.ofSeconds(20));
		Duration duration = args.duration("duration", Duration.ofSeconds(10));
		int rounds = args.integer("rounds", 3);
		boolean keyed = args.bool("keyed", true);
		boolean sized = args.bool("sized", true);
		Duration wait = args.duration("wait", Duration.ofSeconds(120));
		String resultsPath = args.string("results", null);
		ResultsFile results = new ResultsFile((resultsPath != null) ? Path.of(resultsPath) : null);
		int port = port(args, wait);
		String authority = host + ":" + port;

		List<Side> sides = new ArrayList<>();
		sides.add(side("funcboot", "/api/echo", "Funcboot HTTP trigger, anonymous", authority, Map.of()));
		sides.add(side("plain", "/plain/echo", "@RestController calling the same bean", authority, Map.of()));
		if (keyed) {
			sides.add(side("funcboot-key", "/api/echo-keyed", "HTTP trigger, function key in x-functions-key",
					authority, Map.of("x-functions-key", HttpOverheadApp.FUNCTION_KEY)));
		}
		if (sized) {
			sides.add(side("plain-sized", "/plain/echo-sized", "@RestController writing a Content-Length response",
					authority, Map.of()));
		}

		String only = args.string("only", null);
		if (only != null) {
			// for profiling one side; no ratios then
			List<String> wanted = List.of(only.split(","));
			sides.removeIf((side) -> !wanted.contains(side.name()));
			if (sides.isEmpty()) {
				throw new IllegalArgumentException(
						"--only names no side; the sides are funcboot, plain, funcboot-key, plain-sized");
			}
		}

		System.out.println("== HTTP overhead: the same function bean behind a Funcboot trigger and a plain controller ==");
		System.out.printf(Locale.ROOT, "server http://%s, %d keep-alive connections, closed loop%n", authority,
				connections);
		System.out.printf(Locale.ROOT,
				"warm-up %s, then %d rounds x %s per side, sides alternating (order reversed every other round)%n",
				seconds(warmup), rounds, seconds(duration));
		for (Side side : sides) {
			System.out.printf(Locale.ROOT, "  %-13s POST %-18s %s%n", side.name(), side.path(), side.description());
		}
		awaitAndCheck(host, port, sides, wait);

		LoadRun load = new LoadRun(host, port, connections);
		// warm every path (and the JIT's view of the shared code) before measuring anything
		Duration slice = warmup.dividedBy(2L * sides.size());
		for (int pass = 0; pass < 2 && !slice.isZero(); pass++) {
			for (Side side : sides) {
				load.run(side.request(), slice);
			}
		}

		Map<String, List<LoadRun.Result>> bySide = new LinkedHashMap<>();
		sides.forEach((side) -> bySide.put(side.name(), new ArrayList<>()));
		System.out.println();
		System.out.printf(Locale.ROOT, "%-5s %-13s %10s %9s %9s %9s %7s%n", "round", "side", "req/s", "p50 ms",
				"p90 ms", "p99 ms", "errors");
		for (int round = 1; round <= rounds; round++) {
			// reverse the order every other round, so that drift (JIT, page cache) favours no side
			List<Side> order = new ArrayList<>(sides);
			if (round % 2 == 0) {
				Collections.reverse(order);
			}
			for (Side side : order) {
				LoadRun.Result result = load.run(side.request(), duration);
				bySide.get(side.name()).add(result);
				long[] sorted = result.latencies().sorted();
				System.out.printf(Locale.ROOT, "%-5d %-13s %10.0f %9s %9s %9s %7d%n", round, side.name(),
						result.throughput(), millis(sorted, 50), millis(sorted, 90), millis(sorted, 99),
						result.errors());
				if (result.firstError() != null) {
					System.out.println("      first error: " + result.firstError());
				}
			}
		}

		System.out.println();
		System.out.printf(Locale.ROOT, "%-19s %10s %9s %9s %9s %9s %9s%n", "all rounds", "req/s", "p50 ms",
				"p90 ms", "p99 ms", "p99.9 ms", "requests");
		Map<String, Summary> summaries = new LinkedHashMap<>();
		for (Side side : sides) {
			Summary summary = Summary.of(bySide.get(side.name()));
			summaries.put(side.name(), summary);
			System.out.printf(Locale.ROOT, "%-19s %10.0f %9s %9s %9s %9s %9d%n", side.name(), summary.throughput(),
					millis(summary.sorted(), 50), millis(summary.sorted(), 90), millis(summary.sorted(), 99),
					millis(summary.sorted(), 99.9), summary.requests());
		}

		long errors = bySide.values().stream().flatMap(List::stream).mapToLong(LoadRun.Result::errors).sum();
		if (errors > 0) {
			System.out.println("WARNING: " + errors + " failed requests; the figures above are not trustworthy");
		}
		Summary plain = summaries.get("plain");
		if (plain == null || !summaries.containsKey("funcboot")) {
			return;
		}
		System.out.println();
		System.out.println("per-round throughput ratio funcboot/plain: " + perRoundRatios(bySide, "funcboot", "plain"));
		compare("Funcboot / plain throughput", summaries.get("funcboot").throughput(), plain.throughput(), "req/s",
				THROUGHPUT_TARGET, results, "http req/s");
		compare("Funcboot / plain p99", summaries.get("funcboot").p99Millis(), plain.p99Millis(), "ms", P99_TARGET,
				results, "http p99 ms");
		if (summaries.containsKey("plain-sized")) {
			System.out.println("per-round throughput ratio funcboot/plain-sized: " + perRoundRatios(bySide,
					"funcboot", "plain-sized"));
			compare("Funcboot / plain-sized throughput", summaries.get("funcboot").throughput(),
					summaries.get("plain-sized").throughput(), "req/s", THROUGHPUT_TARGET, results,
					"http req/s vs sized");
			compare("Funcboot / plain-sized p99", summaries.get("funcboot").p99Millis(),
					summaries.get("plain-sized").p99Millis(), "ms", P99_TARGET, results, "http p99 ms vs sized");
		}
		if (summaries.containsKey("funcboot-key")) {
			System.out.println("per-round throughput ratio funcboot-key/plain: " + perRoundRatios(bySide,
					"funcboot-key", "plain"));
			compare("Funcboot+key / plain throughput", summaries.get("funcboot-key").throughput(), plain.throughput(),
					"req/s", null, results, "http+key req/s");
			compare("Funcboot+key / plain p99", summaries.get("funcboot-key").p99Millis(), plain.p99Millis(), "ms",
					null, results, "http+key p99 ms");
		}
	}

	private static Side side(String name, String path, String description, String authority,
			Map<String, String> extraHeaders) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("Accept", "application/json");
		headers.putAll(extraHeaders);
		byte[] request = KeepAliveConnection.request("POST", path, authority, headers,
				Payload.SAMPLE_JSON.getBytes(StandardCharsets.UTF_8));
		return new Side(name, path, description, request);
	}

	private static int port(Args args, Duration wait) throws IOException, InterruptedException {
		String port = args.string("port", null);
		if (port != null) {
			return Integer.parseInt(port);
		}
		String file = args.string("port-file", null);
		if (file == null) {
			throw new IllegalArgumentException("Give the server's --port, or the --port-file it writes");
		}
		long deadline = System.nanoTime() + wait.toNanos();
		Path path = Path.of(file);
		while (!Files.exists(path)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The server did not write its port to " + file + " within "
						+ seconds(wait) + "; see its log");
			}
			Thread.sleep(50);
		}
		return Integer.parseInt(Files.readString(path, StandardCharsets.US_ASCII).trim());
	}

	/** Waits until every side answers 200, and warns when the sides answer differently. */
	private static void awaitAndCheck(String host, int port, List<Side> sides, Duration wait)
			throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		String reference = null;
		for (Side side : sides) {
			while (true) {
				try (KeepAliveConnection connection = new KeepAliveConnection(host, port, 2000)) {
					KeepAliveConnection.Response response = connection.exchange(side.request());
					if (response.status() != 200) {
						throw new IllegalStateException(side.name() + " (POST " + side.path() + ") answered "
								+ response.status() + ": " + response.bodyText());
					}
					if (reference == null) {
						reference = response.bodyText();
					}
					else if (!reference.equals(response.bodyText())) {
						System.out.println("WARNING: " + side.name() + " answers " + response.bodyText()
								+ " but the first side answers " + reference);
					}
					break;
				}
				catch (IOException ex) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("The server did not answer within " + seconds(wait), ex);
					}
					Thread.sleep(100);
				}
			}
		}
	}

	private static void compare(String label, double funcboot, double plain, String unit, Target target,
			ResultsFile results, String metric) {
		double ratio = funcboot / plain;
		String verdict = (target != null) ? String.format(Locale.ROOT, "target %-7s %s", target,
				target.verdict(ratio)) : "(no target)";
		System.out.printf(Locale.ROOT, "%-34s %7.3f   (%.2f vs %.2f %s)  %s%n", label, ratio, funcboot, plain, unit,
				verdict);
		results.add(metric, format(funcboot), format(plain), ratio, target);
	}

	private static String perRoundRatios(Map<String, List<LoadRun.Result>> bySide, String side, String baseline) {
		List<LoadRun.Result> mine = bySide.get(side);
		List<LoadRun.Result> plain = bySide.get(baseline);
		StringBuilder ratios = new StringBuilder();
		for (int i = 0; i < mine.size(); i++) {
			ratios.append(String.format(Locale.ROOT, "%.3f ", mine.get(i).throughput() / plain.get(i).throughput()));
		}
		return ratios.toString().trim();
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, (value >= 100) ? "%.0f" : "%.3f", value);
	}

	private static String millis(long[] sorted, double percentile) {
		return (sorted.length == 0) ? "-"
				: String.format(Locale.ROOT, "%.3f", Percentiles.of(sorted, percentile) / 1e6);
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	/** A side's runs together: total requests over total time, percentiles over every sample. */
	record Summary(double throughput, long requests, long[] sorted) {

		static Summary of(List<LoadRun.Result> runs) {
			LatencySamples all = new LatencySamples(1 << 18);
			long requests = 0;
			long nanos = 0;
			for (LoadRun.Result run : runs) {
				all.addAll(run.latencies());
				requests += run.requests();
				nanos += run.elapsedNanos();
			}
			return new Summary(requests / (nanos / 1e9), requests, all.sorted());
		}

		double p99Millis() {
			return Percentiles.of(this.sorted, 99) / 1e6;
		}

	}

}
