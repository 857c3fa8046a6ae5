package dev.funcboot.benchmarks.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import dev.funcboot.benchmarks.harness.LatencySamples;
import dev.funcboot.benchmarks.harness.Percentiles;
import dev.funcboot.inference.InferenceModel;

/**
 * {@code concurrency} threads each calling the model in a loop (the next request as soon as the
 * last answered), for a fixed time; latencies per request, throughput over the whole window.
 */
final class ClosedLoopLoad {

	private ClosedLoopLoad() {
	}

	/**
	 * @param throughput requests per second
	 * @param p50Nanos median latency
	 * @param p95Nanos 95th percentile latency
	 * @param requests requests completed in the window
	 */
	record Result(double throughput, long p50Nanos, long p95Nanos, int requests) {

		double p50Millis() {
			return this.p50Nanos / 1e6;
		}

		double p95Millis() {
			return this.p95Nanos / 1e6;
		}

	}

	static Result run(InferenceModel model, int concurrency, Duration duration, int inputSize) throws InterruptedException {
		List<LatencySamples> samples = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		long[] window = new long[1];
		for (int t = 0; t < concurrency; t++) {
			LatencySamples mine = new LatencySamples();
			samples.add(mine);
			Random random = new Random(t);
			float[] input = new float[inputSize];
			for (int i = 0; i < inputSize; i++) {
				input[i] = random.nextFloat();
			}
			Thread thread = new Thread(() -> {
				try {
					start.await();
					long end = window[0] + duration.toNanos();
					while (true) {
						long before = System.nanoTime();
						if (before >= end) {
							break;
						}
						model.predict(input);
						mine.add(System.nanoTime() - before);
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			}, "bench-client-" + t);
			threads.add(thread);
			thread.start();
		}
		window[0] = System.nanoTime();
		start.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		long elapsed = System.nanoTime() - window[0];
		if (failure.get() != null) {
			throw new IllegalStateException("A request failed during the benchmark", failure.get());
		}
		LatencySamples all = new LatencySamples();
		samples.forEach(all::addAll);
		long[] sorted = all.sorted();
		return new Result(all.size() / (elapsed / 1e9), Percentiles.of(sorted, 50), Percentiles.of(sorted, 95),
				all.size());
	}

}
