package dev.funcboot.functions.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.funcboot.functions.FunctionTimeoutException;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.PoisonMessageException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link InvocationPipeline#invokeWithRetries}: time is a {@link MutableClock} advanced by the sleeper. */
class InvocationPipelineRetryTests {

	private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final RecordingSleeper sleeper = new RecordingSleeper(this.clock);

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final FunctionStatistics statistics = new FunctionStatistics(this.clock);

	private final InvocationPipeline pipeline = InvocationPipeline.builder()
		.clock(this.clock)
		.sleeper(this.sleeper)
		.observationRegistry(this.observations)
		.listener(this.statistics)
		.build();

	/** Attempt numbers (and deadlines) the function saw, in order. */
	private final List<InvocationContext> seen = new CopyOnWriteArrayList<>();

	@AfterEach
	void cleanUp() {
		this.pipeline.close();
		Thread.interrupted();
	}

	private static InvocationContext context() {
		return InvocationContext.of("inv-1", "orders", "queue", Map.of("dequeueCount", 1));
	}

	private static FunctionPolicy policy(RetryPolicy retry) {
		return new FunctionPolicy(null, retry, 0);
	}

	/** Fails with a retryable error until attempt {@code succeedOn}. */
	private FunctionCall failingUntil(int succeedOn) {
		return (context) -> {
			this.seen.add(context);
			if (context.attempt() < succeedOn) {
				throw new IllegalStateException("attempt " + context.attempt() + " failed");
			}
			return "done on attempt " + context.attempt();
		};
	}

	private List<Integer> attemptsSeen() {
		return this.seen.stream().map(InvocationContext::attempt).toList();
	}

	@Test
	void retriesRetryableFailuresUntilSuccessWaitingTheFixedDelay() {
		InvocationResult result = this.pipeline.invokeWithRetries(context(),
				policy(RetryPolicy.fixedDelay(5, Duration.ofSeconds(2))), failingUntil(3));
		assertThat(result.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
		assertThat(result.value()).isEqualTo("done on attempt 3");
		assertThat(result.attempts()).isEqualTo(3);
		assertThat(result.context().attempt()).isEqualTo(3);
		assertThat(result.retriesExhausted()).isFalse();
		assertThat(attemptsSeen()).containsExactly(1, 2, 3);
		assertThat(this.sleeper.delays()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
	}

	@Test
	void firstSuccessNeedsNoRetry() {
		InvocationResult result = this.pipeline.invokeWithRetries(context(),
				policy(RetryPolicy.fixedDelay(5, Duration.ofSeconds(2))), failingUntil(1));
		assertThat(result.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
		assertThat(attemptsSeen()).containsExactly(1);
		assertThat(this.sleeper.delays()).isEmpty();
	}

	@Test
	void exhaustedRetriesEndAsPoisonWithTheLastError() {
		InvocationResult result = this.pipeline.invokeWithRetries(context(),
				policy(RetryPolicy.exponentialBackoff(4, Duration.ofSeconds(1), Duration.ofSeconds(3), 2.0)),
				failingUntil(Integer.MAX_VALUE));
		assertThat(result.outcome()).isEqualTo(InvocationOutcome.POISON);
		assertThat(result.retriesExhausted()).isTrue();
		assertThat(result.attempts()).isEqualTo(4);
		assertThat(result.error()).isInstanceOf(IllegalStateException.class).hasMessage("attempt 4 failed");
		assertThat(result.reason())
			.isEqualTo("retries exhausted after 4 attempts: java.lang.IllegalStateException: attempt 4 failed");
		assertThat(attemptsSeen()).containsExactly(1, 2, 3, 4);
		// 1 s, doubled, capped at 3 s
		assertThat(this.sleeper.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
				Duration.ofSeconds(3));
	}

	@Test
	void poisonStopsRetryingAtOnce() {
		FunctionCall call = (context) -> {
			this.seen.add(context);
			if (context.attempt() == 1) {
				throw new IllegalStateException("transient");
			}
			throw new RuntimeException("wrapped", new PoisonMessageException("order 42 has no lines"));
		};
		InvocationResult result = this.pipeline.invokeWithRetries(context(),
				policy(RetryPolicy.fixedDelay(5, Duration.ofSeconds(1))), call);
		assertThat(result.outcome()).isEqualTo(InvocationOutcome.POISON);
		assertThat(result.retriesExhausted()).isFalse();
		assertThat(result.attempts()).isEqualTo(2);
		assertThat(result.error()).hasRootCauseInstanceOf(PoisonMessageException.class);
		assertThat(attemptsSeen()).containsExactly(1, 2);
		assertThat(this.sleeper.delays()).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void poisonOnTheFirstAttemptIsNeverRetried() {
		AtomicInteger calls = new AtomicInteger();
		InvocationResult result = this.pipeline.invokeWithRetries(context(),
				policy(RetryPolicy.fixedDelay(5, Duration.ofSeconds(1))), (context) -> {
					calls.incrementAndGet();
					throw new PoisonMessageException("bad");
				});
		assertThat(result.outcome()).isEqualTo(InvocationOutcome.POISON);
		assertThat(result.retriesExhausted()).isFalse();
		assertThat(calls).hasValue(1);
		assertThat(this.sleeper.delays()).isEmpty();
	}

	@Test
	void withoutRetryPolicyTheFailureIsReturnedAsIs() {
		InvocationResult result = this.pipeline.invokeWithRetries(context(), policy(RetryPolicy.NONE),
				failingUntil(2));
		assertThat(result.outcome()).isEqualTo(InvocationOutcome.FAILURE);
		assertThat(result.retriesExhausted()).isFalse();
		assertThat(result.attempts()).isEqualTo(1);
		assertThat(attemptsSeen()).containsExactly(1);
		assertThat(this.sleeper.delays()).isEmpty();
	}

	@Test
	void attemptNumbersContinueFromTheContextsAttempt() {
		// a redelivered message may start at a later attempt; the policy counts total attempts
		InvocationResult result = this.pipeline.invokeWithRetries(context().withAttempt(2),
				policy(RetryPolicy.fixedDelay(3, Duration.ofSeconds(1))), failingUntil(Integer.MAX_VALUE));
		assertThat(attemptsSeen()).containsExactly(2, 3);
		assertThat(result.outcome()).isEqualTo(InvocationOutcome.POISON);
		assertThat(result.retriesExhausted()).isTrue();
		assertThat(result.attempts()).isEqualTo(3);
	}

	@Test
	void eachAttemptGetsAFreshDeadlineFromTheClock() {
		FunctionPolicy policy = new FunctionPolicy(Duration.ofMinutes(1), RetryPolicy.fixedDelay(3, Duration.ofSeconds(10)),
				0);
		this.pipeline.invokeWithRetries(context().withDeadline(START.minusSeconds(1)), policy, failingUntil(3));
		assertThat(this.seen).extracting(InvocationContext::deadline)
			.containsExactly(START.plusSeconds(60), START.plusSeconds(70), START.plusSeconds(80));
	}

	@Test
	void timedOutAttemptIsRetried() {
		FunctionPolicy policy = new FunctionPolicy(Duration.ofMillis(100),
				RetryPolicy.fixedDelay(2, Duration.ofSeconds(1)), 0);
		InvocationResult result = this.pipeline.invokeWithRetries(context(), policy, (context) -> {
			this.seen.add(context);
			if (context.attempt() == 1) {
				new CountDownLatch(1).await(10, TimeUnit.SECONDS);
			}
			return "attempt " + context.attempt();
		});
		assertThat(result.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
		assertThat(result.value()).isEqualTo("attempt 2");
		assertThat(attemptsSeen()).containsExactly(1, 2);
		assertThat(this.statistics.counts("orders")).containsEntry(InvocationOutcome.TIMEOUT, 1L)
			.containsEntry(InvocationOutcome.SUCCESS, 1L);
		assertThat(this.statistics.lastError("orders").type()).isEqualTo(FunctionTimeoutException.class.getName());
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	@Test
	void interruptedWhileWaitingReturnsTheLastResultAndKeepsTheInterrupt() {
		AtomicInteger calls = new AtomicInteger();
		try (InvocationPipeline interruptible = InvocationPipeline.builder().sleeper((delay) -> {
			throw new InterruptedException("shutting down");
		}).build()) {
			InvocationResult result = interruptible.invokeWithRetries(context(),
					policy(RetryPolicy.fixedDelay(5, Duration.ofSeconds(1))), (context) -> {
						calls.incrementAndGet();
						throw new IllegalStateException("transient");
					});
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.FAILURE);
			assertThat(result.retriesExhausted()).isFalse();
		}
		assertThat(calls).hasValue(1);
		assertThat(Thread.interrupted()).isTrue();
	}

	@Test
	void everyAttemptIsCountedAndObserved() {
		this.pipeline.invokeWithRetries(context(), policy(RetryPolicy.fixedDelay(5, Duration.ofSeconds(1))),
				failingUntil(3));
		assertThat(this.statistics.counts("orders")).containsEntry(InvocationOutcome.FAILURE, 2L)
			.containsEntry(InvocationOutcome.SUCCESS, 1L)
			.containsEntry(InvocationOutcome.POISON, 0L);
		assertThat(this.statistics.lastError("orders").message()).isEqualTo("attempt 2 failed");
		assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo(InvocationPipeline.OBSERVATION_NAME, 3)
			.hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
				.extracting((Observation.Context context) -> context.getLowCardinalityKeyValue("outcome").getValue())
				.containsExactly("failure", "failure", "success"));
	}

}
