package dev.funcboot.benchmarks.inference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.funcboot.benchmarks.harness.Args;
import dev.funcboot.benchmarks.harness.ResultsFile;
import dev.funcboot.benchmarks.harness.Target;
import dev.funcboot.inference.DeviceChoice;
import dev.funcboot.inference.InferenceEngine;
import dev.funcboot.inference.InferenceListener;
import dev.funcboot.inference.InferenceModel;
import dev.funcboot.inference.ModelRegistry;
import dev.funcboot.inference.ModelSpec;
import dev.funcboot.inference.ModelStatus;

/**
 * The same model served twice in one JVM, with the dynamic batcher on (batch size, max delay) and
 * off (batch size 1), under closed-loop load at each concurrency; rounds alternate which side goes
 * first. Judged: batched/unbatched throughput at concurrency 8 (target >= 1.5), and batched p95
 * at concurrency 8 against max batch delay + 1.2 x the single-request latency (unbatched p50 at
 * concurrency 1), as a ratio (target <= 1).
 */
public final class InferenceBenchmark {

	private InferenceBenchmark() {
	}

	public static void main(String[] argv) throws Exception {
		Args args = new Args(argv);
		String location = args.string("model", "classpath:models/mlp.pt");
		long[] shape = Arrays.stream(args.string("input-shape", "256").split(",")).mapToLong(Long::parseLong).toArray();
		int[] concurrencies = Arrays.stream(args.string("concurrency", "1,8,32").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		int batchSize = args.integer("batch-size", ModelSpec.DEFAULT_BATCH_SIZE);
		Duration delay = args.duration("max-batch-delay", Duration.ofMillis(2));
		int workers = args.integer("workers", 1);
		Duration warmup = args.duration("warmup", Duration.ofSeconds(3));
		Duration duration = args.duration("duration", Duration.ofSeconds(5));
		int rounds = args.integer("rounds", 2);
		String device = args.string("device", "auto");
		InferenceEngine engine = InferenceEngine.valueOf(args.string("engine", "pytorch").toUpperCase(Locale.ROOT));
		ResultsFile results = new ResultsFile(args.string("results", null) != null ? Path.of(args.string("results", null)) : null);

		Map<String, AtomicLong[]> batches = new LinkedHashMap<>();
		InferenceListener listener = new InferenceListener() {
			@Override
			public void onBatch(String model, int size, long nanos) {
				AtomicLong[] counts = batches.get(model);
				counts[0].incrementAndGet();
				counts[1].addAndGet(size);
			}
		};
		batches.put("batched", new AtomicLong[] { new AtomicLong(), new AtomicLong() });
		batches.put("unbatched", new AtomicLong[] { new AtomicLong(), new AtomicLong() });
		try (ModelRegistry registry = ModelRegistry.builder()
			.cacheDir(Path.of(args.string("cache-dir", "benchmarks/target/djl-cache")))
			.listener(listener)
			.build()) {
			InferenceModel batched = registry.register(side("batched", location, shape, engine, device, workers)
				.batchSize(batchSize).maxBatchDelay(delay).build());
			InferenceModel unbatched = registry.register(side("unbatched", location, shape, engine, device, workers)
				.batchSize(1).maxBatchDelay(Duration.ZERO).build());
			registry.start();
			registry.awaitLoaded(Duration.ofMinutes(5));
			for (InferenceModel model : List.of(batched, unbatched)) {
				if (model.state().status() != ModelStatus.READY) {
					throw new IllegalStateException("Model '" + model.name() + "' did not load: " + model.state());
				}
			}
			int inputSize = Math.toIntExact(batched.spec().sampleSize());
			System.out.println("== Inference: " + location + " on " + batched.state().device() + " ("
					+ batched.state().engine() + " engine, device '" + device + "' asked for), " + workers
					+ " worker(s); batched: batch size " + batchSize + ", max delay " + delay.toMillis()
					+ " ms; unbatched: batch size 1 ==");
			System.out.println("device: " + batched.state().device());
			for (int concurrency : concurrencies) {
				Duration share = warmup.dividedBy(Math.max(1, concurrencies.length));
				ClosedLoopLoad.run(batched, concurrency, share, inputSize);
				ClosedLoopLoad.run(unbatched, concurrency, share, inputSize);
			}
			Map<String, List<ClosedLoopLoad.Result>> measured = new LinkedHashMap<>();
			for (int round = 0; round < rounds; round++) {
				for (int concurrency : concurrencies) {
					List<InferenceModel> order = (round % 2 == 0) ? List.of(batched, unbatched) : List.of(unbatched, batched);
					for (InferenceModel model : order) {
						ClosedLoopLoad.Result result = ClosedLoopLoad.run(model, concurrency, duration, inputSize);
						measured.computeIfAbsent(model.name() + "@" + concurrency, (key) -> new ArrayList<>()).add(result);
					}
				}
			}
			report(measured, concurrencies, delay, batches, results);
		}
	}

	/** Both sides load the same file on the same device with the same workers. */
	private static ModelSpec.Builder side(String name, String location, long[] shape, InferenceEngine engine,
			String device, int workers) {
		return ModelSpec.builder(name).location(location).inputShape(shape).engine(engine)
			.device(DeviceChoice.parse(device)).workers(workers).queueSize(4096).warmup(5);
	}

	/** The round with the median throughput stands for each side. */
	private static ClosedLoopLoad.Result median(List<ClosedLoopLoad.Result> results) {
		List<ClosedLoopLoad.Result> sorted = new ArrayList<>(results);
		sorted.sort((a, b) -> Double.compare(a.throughput(), b.throughput()));
		return sorted.get(sorted.size() / 2);
	}

	private static void report(Map<String, List<ClosedLoopLoad.Result>> measured, int[] concurrencies, Duration delay,
			Map<String, AtomicLong[]> batches, ResultsFile results) {
		System.out.printf(Locale.ROOT, "%-11s %-10s %12s %10s %10s%n", "concurrency", "side", "req/s", "p50 ms",
				"p95 ms");
		for (int concurrency : concurrencies) {
			for (String side : List.of("batched", "unbatched")) {
				ClosedLoopLoad.Result result = median(measured.get(side + "@" + concurrency));
				System.out.printf(Locale.ROOT, "%-11d %-10s %12.1f %10.3f %10.3f%n", concurrency, side,
						result.throughput(), result.p50Millis(), result.p95Millis());
			}
		}
		batches.forEach((side, counts) -> System.out.printf(Locale.ROOT, "mean batch size (%s): %.2f%n", side,
				(counts[0].get() > 0) ? counts[1].get() / (double) counts[0].get() : 0.0));
		ClosedLoopLoad.Result single = median(measured.get("unbatched@" + concurrencies[0]));
		double singleMillis = single.p50Millis();
		double bound = delay.toNanos() / 1e6 + 1.2 * singleMillis;
		System.out.printf(Locale.ROOT, "single-request latency (unbatched p50 at concurrency %d): %.3f ms; p95 bound = "
				+ "max batch delay + 1.2 x single = %.3f ms%n", concurrencies[0], singleMillis, bound);
		for (int concurrency : concurrencies) {
			ClosedLoopLoad.Result on = median(measured.get("batched@" + concurrency));
			ClosedLoopLoad.Result off = median(measured.get("unbatched@" + concurrency));
			double throughputRatio = on.throughput() / off.throughput();
			double p95Ratio = on.p95Millis() / bound;
			Target throughputTarget = (concurrency == 8) ? Target.atLeast(1.5) : null;
			Target p95Target = (concurrency == 8) ? Target.atMost(1.0) : null;
			System.out.printf(Locale.ROOT, "concurrency %d: throughput batched/unbatched %.2fx%s; batched p95 / bound %.2f%s%n",
					concurrency, throughputRatio, (throughputTarget != null) ? " (target >= 1.5: "
							+ throughputTarget.verdict(throughputRatio) + ")" : "",
					p95Ratio, (p95Target != null) ? " (target <= 1.0: " + p95Target.verdict(p95Ratio) + ")" : "");
			results.add("inference throughput c=" + concurrency, String.format(Locale.ROOT, "%.1f/s", on.throughput()),
					String.format(Locale.ROOT, "%.1f/s", off.throughput()), throughputRatio, throughputTarget);
			results.add("inference p95 c=" + concurrency + " vs bound",
					String.format(Locale.ROOT, "%.2fms", on.p95Millis()), String.format(Locale.ROOT, "%.2fms", bound),
					p95Ratio, p95Target);
		}
	}

}
