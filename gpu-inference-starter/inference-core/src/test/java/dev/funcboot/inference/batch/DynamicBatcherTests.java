package dev.funcboot.inference.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.funcboot.functions.RetryLaterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamicBatcherTests {

	private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

	private DynamicBatcher<Integer, Integer> batcher;

	@AfterEach
	void close() {
		if (this.batcher != null) {
			this.batcher.close();
		}
	}

	/** Doubles each input, records each batch, and blocks on the gate before answering. */
	private BatchRunner<Integer, Integer> doubling(CountDownLatch gate) {
		return (inputs) -> {
			this.batches.add(List.copyOf(inputs));
			gate.await(30, TimeUnit.SECONDS);
			for (Integer input : inputs) {
				if (input < 0) {
					throw new IllegalArgumentException("negative: " + input);
				}
			}
			return inputs.stream().map((i) -> i * 2).toList();
		};
	}

	private DynamicBatcher<Integer, Integer> start(int batchSize, Duration delay, int queueSize, CountDownLatch gate) {
		this.batcher = new DynamicBatcher<>(new BatcherOptions("m", 1, batchSize, delay, queueSize, Duration.ofSeconds(2)),
				List.of(doubling(gate)), BatchListener.NONE);
		return this.batcher;
	}

	@Test
	void aFullBatchGoesAtOnceWithoutWaitingForTheDelay() throws Exception {
		// a ten-minute delay: only reaching the batch size can release these
		start(4, Duration.ofMinutes(10), 100, new CountDownLatch(0));
		List<CompletableFuture<Integer>> futures = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			futures.add(this.batcher.submit(i));
		}
		assertThat(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS)).isNull();
		assertThat(futures).extracting(CompletableFuture::join).containsExactly(2, 4, 6, 8);
		assertThat(this.batches).containsExactly(List.of(1, 2, 3, 4));
	}

	@Test
	void aLoneRequestGoesAloneOnceTheDelayHasPassed() throws Exception {
		start(8, Duration.ofMillis(50), 100, new CountDownLatch(0));
		long start = System.nanoTime();
		assertThat(this.batcher.submit(21).get(20, TimeUnit.SECONDS)).isEqualTo(42);
		assertThat(System.nanoTime() - start).as("waited for company up to the delay")
			.isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
		assertThat(this.batches).containsExactly(List.of(21));
	}

	@Test
	void neverMoreThanTheBatchSizeInOnePass() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		start(3, Duration.ofMillis(20), 100, gate);
		List<CompletableFuture<Integer>> futures = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			futures.add(this.batcher.submit(i));
		}
		gate.countDown();
		for (int i = 0; i < 10; i++) {
			assertThat(futures.get(i).get(20, TimeUnit.SECONDS)).isEqualTo(i * 2);
		}
		assertThat(this.batches).allSatisfy((batch) -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
		assertThat(this.batches.stream().mapToInt(List::size).sum()).isEqualTo(10);
		// at least seven waited behind the gate: they went in full batches
		assertThat(this.batches.stream().filter((batch) -> batch.size() == 3).count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void batchSizeOneTurnsBatchingOff() throws Exception {
		start(1, Duration.ofMillis(50), 100, new CountDownLatch(0));
		List<CompletableFuture<Integer>> futures = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			futures.add(this.batcher.submit(i));
		}
		for (CompletableFuture<Integer> future : futures) {
			future.get(20, TimeUnit.SECONDS);
		}
		assertThat(this.batches).hasSize(5).allSatisfy((batch) -> assertThat(batch).hasSize(1));
	}

	@Test
	void aFullQueueRejectsWithARetryableError() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		AtomicInteger rejected = new AtomicInteger();
		this.batcher = new DynamicBatcher<>(new BatcherOptions("clf", 1, 1, Duration.ZERO, 2, Duration.ofSeconds(3)),
				List.of(doubling(gate)), new BatchListener() {
					@Override
					public void onRejected() {
						rejected.incrementAndGet();
					}
				});
		CompletableFuture<Integer> running = this.batcher.submit(1);
		// wait until the worker holds the first request, so the queue holds exactly what follows
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.batches.size() == 1);
		CompletableFuture<Integer> second = this.batcher.submit(2);
		CompletableFuture<Integer> third = this.batcher.submit(3);
		assertThat(this.batcher.queueDepth()).isEqualTo(2);
		assertThatThrownBy(() -> this.batcher.submit(4)).isInstanceOf(QueueFullException.class)
			.isInstanceOf(RetryLaterException.class)
			.hasMessageContaining("Model 'clf'")
			.hasMessageContaining("queue-size")
			.satisfies((ex) -> {
				RetryLaterException retry = (RetryLaterException) ex;
				assertThat(retry.reason()).isEqualTo(RetryLaterException.Reason.OVERLOADED);
				assertThat(retry.retryAfterSeconds()).isEqualTo(3);
			});
		assertThat(rejected).hasValue(1);
		gate.countDown();
		assertThat(running.get(20, TimeUnit.SECONDS)).isEqualTo(2);
		assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(4);
		assertThat(third.get(20, TimeUnit.SECONDS)).isEqualTo(6);
	}

	@Test
	void aFailedBatchIsRetriedOneByOneSoOnlyTheBadInputFails() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		start(4, Duration.ofMinutes(10), 100, gate);
		CompletableFuture<Integer> good = this.batcher.submit(5);
		CompletableFuture<Integer> bad = this.batcher.submit(-1);
		CompletableFuture<Integer> other = this.batcher.submit(7);
		CompletableFuture<Integer> last = this.batcher.submit(9);
		gate.countDown();
		assertThat(good.get(20, TimeUnit.SECONDS)).isEqualTo(10);
		assertThat(other.get(20, TimeUnit.SECONDS)).isEqualTo(14);
		assertThat(last.get(20, TimeUnit.SECONDS)).isEqualTo(18);
		assertThatThrownBy(() -> bad.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("negative: -1");
		assertThat(this.batches.get(0)).containsExactly(5, -1, 7, 9);
	}

	@Test
	void closingFailsWhatIsQueuedAsRetryableAndRejectsNewWork() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		start(1, Duration.ZERO, 10, gate);
		this.batcher.submit(1);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.batches.size() == 1);
		CompletableFuture<Integer> queued = this.batcher.submit(2);
		// the worker is still inside its forward pass: closing interrupts it and fails what waits
		this.batcher.close();
		assertThat(queued).isCompletedExceptionally();
		assertThatThrownBy(queued::join).cause()
			.isInstanceOf(RetryLaterException.class)
			.hasMessageContaining("shutting down");
		assertThatThrownBy(() -> this.batcher.submit(3)).isInstanceOf(RetryLaterException.class)
			.hasMessageContaining("shutting down");
	}

	@Test
	void optionsAreCheckedWithTheModelNameAndTheProperty() {
		assertThatThrownBy(() -> new BatcherOptions("clf", 1, 0, Duration.ZERO, 1, Duration.ZERO))
			.hasMessage("Model 'clf': batch-size must be at least 1, was 0");
		assertThatThrownBy(() -> new BatcherOptions("clf", 1, 1, Duration.ZERO, 0, Duration.ZERO))
			.hasMessageContaining("queue-size");
	}

}
