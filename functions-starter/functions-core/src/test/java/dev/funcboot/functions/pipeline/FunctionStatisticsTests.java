package dev.funcboot.functions.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.funcboot.functions.InvocationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class FunctionStatisticsTests {

	private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final FunctionStatistics statistics = new FunctionStatistics(this.clock);

	private static InvocationResult result(String function, String invocationId, InvocationOutcome outcome,
			Throwable error) {
		InvocationContext context = InvocationContext.of(invocationId, function, "queue", null);
		return new InvocationResult(context, outcome, null, error, 1, false);
	}

	@Test
	void functionsTakingTurnsAreEachCountedOnTheirOwn() {
		// the counters last used are kept at hand; a turn to another function must not reuse them
		for (int i = 0; i < 3; i++) {
			this.statistics.onAttempt(result("orders", "o" + i, InvocationOutcome.SUCCESS, null), 10);
			this.statistics.onAttempt(result("orders", "o" + i + "b", InvocationOutcome.SUCCESS, null), 10);
			this.statistics.onAttempt(result("billing", "b" + i, InvocationOutcome.FAILURE, new IllegalStateException()),
					10);
		}
		assertThat(this.statistics.counts("orders")).containsEntry(InvocationOutcome.SUCCESS, 6L)
			.containsEntry(InvocationOutcome.FAILURE, 0L);
		assertThat(this.statistics.counts("billing")).containsEntry(InvocationOutcome.SUCCESS, 0L)
			.containsEntry(InvocationOutcome.FAILURE, 3L);
		assertThat(this.statistics.lastError("orders")).isNull();
	}

	@Test
	void unknownFunctionHasEveryOutcomeAtZeroAndNoLastError() {
		assertThat(this.statistics.counts("never-ran")).hasSize(InvocationOutcome.values().length)
			.allSatisfy((outcome, count) -> assertThat(count).isZero());
		assertThat(this.statistics.lastError("never-ran")).isNull();
	}

	@Test
	void countsAttemptsPerOutcome() {
		this.statistics.onAttempt(result("orders", "1", InvocationOutcome.SUCCESS, null), 10);
		this.statistics.onAttempt(result("orders", "2", InvocationOutcome.SUCCESS, null), 10);
		this.statistics.onAttempt(result("orders", "3", InvocationOutcome.FAILURE, new IllegalStateException("x")), 10);
		this.statistics.onAttempt(result("orders", "4", InvocationOutcome.REJECTED, new RuntimeException("full")), 10);
		assertThat(this.statistics.counts("orders")).containsOnly(entry(InvocationOutcome.SUCCESS, 2L),
				entry(InvocationOutcome.FAILURE, 1L), entry(InvocationOutcome.POISON, 0L),
				entry(InvocationOutcome.TIMEOUT, 0L), entry(InvocationOutcome.REJECTED, 1L));
	}

	@Test
	void countsAreKeptPerFunction() {
		this.statistics.onAttempt(result("orders", "1", InvocationOutcome.SUCCESS, null), 10);
		this.statistics.onAttempt(result("invoices", "2", InvocationOutcome.POISON, new RuntimeException("bad")), 10);
		assertThat(this.statistics.counts("orders")).containsEntry(InvocationOutcome.SUCCESS, 1L)
			.containsEntry(InvocationOutcome.POISON, 0L);
		assertThat(this.statistics.counts("invoices")).containsEntry(InvocationOutcome.SUCCESS, 0L)
			.containsEntry(InvocationOutcome.POISON, 1L);
		assertThat(this.statistics.lastError("orders")).isNull();
		assertThat(this.statistics.lastError("invoices").invocationId()).isEqualTo("2");
	}

	@Test
	void lastErrorDescribesTheMostRecentFailureAtTheClocksTime() {
		this.statistics.onAttempt(result("orders", "1", InvocationOutcome.FAILURE, new IllegalStateException("first")),
				10);
		this.clock.advance(Duration.ofMinutes(3));
		this.statistics.onAttempt(result("orders", "2", InvocationOutcome.TIMEOUT, new IllegalArgumentException("second")),
				10);
		assertThat(this.statistics.lastError("orders")).isEqualTo(new FunctionStatistics.LastError(
				START.plus(Duration.ofMinutes(3)), "2", InvocationOutcome.TIMEOUT,
				IllegalArgumentException.class.getName(), "second"));
	}

	@Test
	void successDoesNotClearTheLastError() {
		this.statistics.onAttempt(result("orders", "1", InvocationOutcome.FAILURE, new IllegalStateException("boom")),
				10);
		this.statistics.onAttempt(result("orders", "2", InvocationOutcome.SUCCESS, null), 10);
		assertThat(this.statistics.lastError("orders").invocationId()).isEqualTo("1");
	}

	@Test
	void countsAreReturnedAsASnapshot() {
		Map<InvocationOutcome, Long> before = this.statistics.counts("orders");
		this.statistics.onAttempt(result("orders", "1", InvocationOutcome.SUCCESS, null), 10);
		assertThat(before).containsEntry(InvocationOutcome.SUCCESS, 0L);
		assertThat(this.statistics.counts("orders")).containsEntry(InvocationOutcome.SUCCESS, 1L);
	}

	@Test
	void concurrentAttemptsAreAllCounted() throws Exception {
		int threads = 4;
		int perThread = 5_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < perThread; i++) {
						this.statistics.onAttempt(result("orders", "i" + i, InvocationOutcome.SUCCESS, null), 1);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.statistics.counts("orders")).containsEntry(InvocationOutcome.SUCCESS, (long) threads * perThread);
	}

}
