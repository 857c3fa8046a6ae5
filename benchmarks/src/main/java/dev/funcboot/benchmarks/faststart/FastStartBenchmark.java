package dev.funcboot.benchmarks.faststart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.funcboot.benchmarks.harness.Args;
import dev.funcboot.benchmarks.harness.FirstResponse;
import dev.funcboot.benchmarks.harness.Percentiles;
import dev.funcboot.benchmarks.harness.ResultsFile;
import dev.funcboot.benchmarks.harness.Target;

/**
 * Fast start for scale from zero: process start to the first successful HTTP response of the
 * order-intake demo, four ways, alternating each round: the executable jar as built (the
 * baseline), with a CDS archive, with Spring AOT, and with both. CDS runs from the extracted jar
 * (Spring Boot's {@code -Djarmode=tools extract}) with an archive from a training run
 * ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}); AOT runs the jar
 * built with {@code -Paot} with {@code -Dspring.aot.enabled=true}. Both are prepared before any
 * measurement.
 *
 * <p>Options: {@code --jar} (plain exec jar), {@code --aot-jar} (exec jar built with -Paot),
 * {@code --runs 5}, {@code --warmup-runs 1}, {@code --work-dir}, {@code --timeout 180s},
 * {@code --results FILE}.
 */
public final class FastStartBenchmark {

	static final Target TARGET = Target.atMost(0.55);

	private static final String PATH = "/api/products";

	private FastStartBenchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		Args args = new Args(arguments);
		Path jar = Path.of(args.string("jar", null)).toAbsolutePath();
		Path aotJar = Path.of(args.string("aot-jar", null)).toAbsolutePath();
		int runs = args.integer("runs", 5);
		int warmupRuns = args.integer("warmup-runs", 1);
		Path work = Path.of(args.string("work-dir", "benchmarks/target/bench/faststart")).toAbsolutePath();
		Duration timeout = args.duration("timeout", Duration.ofSeconds(180));
		String resultsPath = args.string("results", null);
		ResultsFile results = new ResultsFile((resultsPath != null) ? Path.of(resultsPath) : null);
		Files.createDirectories(work);

		System.out.println("== Fast start: order-intake demo, process start to first 200 on GET " + PATH + " ==");
		Path plainExtracted = extract(jar, work.resolve("plain"));
		Path aotExtracted = extract(aotJar, work.resolve("aot"));
		Path plainArchive = train(plainExtracted, List.of(), work, "plain", timeout);
		Path aotArchive = train(aotExtracted, List.of("-Dspring.aot.enabled=true"), work, "aot", timeout);
		Map<String, List<String>> variants = new LinkedHashMap<>();
		variants.put("plain jar", List.of("-jar", jar.toString()));
		variants.put("CDS", List.of("-XX:SharedArchiveFile=" + plainArchive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
				"-jar", plainExtracted.toString()));
		variants.put("AOT", List.of("-Dspring.aot.enabled=true", "-jar", aotJar.toString()));
		variants.put("AOT + CDS", List.of("-Dspring.aot.enabled=true", "-XX:SharedArchiveFile=" + aotArchive,
				"-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", aotExtracted.toString()));
		System.out.printf(Locale.ROOT, "%d warm-up and %d measured starts per variant, alternating; medians%n",
				warmupRuns, runs);

		Map<String, double[]> measured = new LinkedHashMap<>();
		variants.keySet().forEach((name) -> measured.put(name, new double[runs]));
		for (int round = -warmupRuns; round < runs; round++) {
			StringBuilder line = new StringBuilder((round < 0) ? "warm-up " : String.format(Locale.ROOT, "run %-4d", round + 1));
			for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
				double ms = start(variant.getValue(), work, variant.getKey(), round, timeout);
				if (round >= 0) {
					measured.get(variant.getKey())[round] = ms;
				}
				line.append(String.format(Locale.ROOT, "  %s %,6.0f ms", variant.getKey(), ms));
			}
			System.out.println(line);
		}
		double plain = Percentiles.median(measured.get("plain jar"));
		System.out.println();
		for (Map.Entry<String, double[]> entry : measured.entrySet()) {
			double median = Percentiles.median(entry.getValue());
			double ratio = median / plain;
			boolean judged = entry.getKey().equals("AOT + CDS");
			System.out.printf(Locale.ROOT, "%-10s median %,6.0f ms   ratio to plain jar %.3f%s%n", entry.getKey(), median,
					ratio, judged ? "  (target <= 0.55: " + TARGET.verdict(ratio) + ")" : "");
			if (!entry.getKey().equals("plain jar")) {
				results.add("start-up " + entry.getKey() + " (vs plain jar)", String.format(Locale.ROOT, "%.0f", median),
						String.format(Locale.ROOT, "%.0f", plain), ratio, judged ? TARGET : null);
			}
		}
	}

	private static double start(List<String> launch, Path work, String name, int round, Duration timeout)
			throws IOException, InterruptedException {
		int port = FirstResponse.freePort();
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(launch);
		command.add("--server.port=" + port);
		command.add("--spring.datasource.url=jdbc:h2:mem:faststart;DB_CLOSE_DELAY=-1");
		File log = work.resolve(name.replaceAll("[^a-zA-Z]+", "-") + "-" + (round + 10) + ".log").toFile();
		return FirstResponse.measure(command, port, PATH, timeout, log, name);
	}

	/** Spring Boot's extracted layout: the application jar next to lib/, as CDS wants it. */
	private static Path extract(Path jar, Path destination) throws IOException, InterruptedException {
		run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
				destination.toString()), destination.resolveSibling(destination.getFileName() + "-extract.log"),
				Duration.ofMinutes(2));
		return destination.resolve(jar.getFileName());
	}

	/** A training run that starts the context, exits once refreshed, and dumps the classes it loaded. */
	private static Path train(Path extracted, List<String> options, Path work, String name, Duration timeout)
			throws IOException, InterruptedException {
		Path archive = work.resolve(name + ".jsa");
		Files.deleteIfExists(archive);
		List<String> command = new ArrayList<>(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive,
				"-Dspring.context.exit=onRefresh", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
		command.addAll(options);
		command.addAll(List.of("-jar", extracted.toString(), "--spring.datasource.url=jdbc:h2:mem:training",
				"--server.port=0"));
		run(command, work.resolve(name + "-training.log"), timeout);
		if (!Files.exists(archive)) {
			throw new IllegalStateException("The CDS training run of " + name + " wrote no archive; see "
					+ work.resolve(name + "-training.log"));
		}
		return archive;
	}

	private static void run(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
			.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
					+ FirstResponse.tail(log));
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
