package dev.funcboot.functions.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.funcboot.functions.ConcurrencyLimitExceededException;
import dev.funcboot.functions.FunctionTimeoutException;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.PoisonMessageException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class InvocationPipelineTests {

	private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

	private static final FunctionPolicy NO_TIMEOUT = new FunctionPolicy(null, RetryPolicy.NONE, 0);

	private static final FunctionPolicy SHORT_TIMEOUT = new FunctionPolicy(Duration.ofMillis(100), RetryPolicy.NONE,
			0);

	private static final FunctionPolicy ONE_AT_A_TIME = new FunctionPolicy(null, RetryPolicy.NONE, 1);

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final FunctionStatistics statistics = new FunctionStatistics(Clock.fixed(NOW, ZoneOffset.UTC));

	private final InvocationPipeline pipeline = InvocationPipeline.builder()
		.observationRegistry(this.observations)
		.clock(Clock.fixed(NOW, ZoneOffset.UTC))
		.listener(this.statistics)
		.build();

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	@AfterEach
	void cleanUp() throws InterruptedException {
		this.pipeline.close();
		this.executor.shutdownNow();
		assertThat(this.executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		MDC.clear();
		// never leak an interrupt into the next test, whatever this one asserted
		Thread.interrupted();
	}

	private static InvocationContext context(String invocationId) {
		return InvocationContext.of(invocationId, "orders", "http", Map.of("route", "orders/42"));
	}

	@Nested
	class Success {

		@Test
		void returnsTheFunctionsValue() {
			InvocationResult result = pipeline.invoke(context("inv-1"), NO_TIMEOUT,
					(context) -> "done");
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
			assertThat(result.isSuccess()).isTrue();
			assertThat(result.value()).isEqualTo("done");
			assertThat(result.error()).isNull();
			assertThat(result.attempts()).isEqualTo(1);
			assertThat(result.retriesExhausted()).isFalse();
			assertThat(result.reason()).isEqualTo("success");
		}

		@Test
		void callSeesTheInvocationContext() {
			AtomicReference<InvocationContext> seen = new AtomicReference<>();
			pipeline.invoke(context("inv-1"), NO_TIMEOUT, (context) -> {
				seen.set(context);
				return null;
			});
			assertThat(seen.get().invocationId()).isEqualTo("inv-1");
			assertThat(seen.get().functionName()).isEqualTo("orders");
			assertThat(seen.get().trigger()).isEqualTo("http");
			assertThat(seen.get().triggerMetadata()).containsExactly(entry("route", "orders/42"));
			assertThat(seen.get().attempt()).isEqualTo(1);
		}

		@Test
		void deadlineIsSetFromTheInjectedClockAndThePolicyTimeout() {
			AtomicReference<InvocationContext> seen = new AtomicReference<>();
			InvocationResult result = pipeline.invoke(context("inv-1"),
					new FunctionPolicy(Duration.ofSeconds(30), RetryPolicy.NONE, 0), (context) -> {
						seen.set(context);
						return "ok";
					});
			assertThat(seen.get().deadline()).isEqualTo(NOW.plusSeconds(30));
			assertThat(result.context().deadline()).isEqualTo(NOW.plusSeconds(30));
		}

		@Test
		void deadlineAlreadyOnTheContextIsKept() {
			Instant earlier = NOW.plusSeconds(3);
			AtomicReference<InvocationContext> seen = new AtomicReference<>();
			pipeline.invoke(context("inv-1").withDeadline(earlier), FunctionPolicy.DEFAULT,
					(context) -> {
						seen.set(context);
						return "ok";
					});
			assertThat(seen.get().deadline()).isEqualTo(earlier);
		}

		@Test
		void noTimeoutMeansNoDeadline() {
			AtomicReference<InvocationContext> seen = new AtomicReference<>();
			pipeline.invoke(context("inv-1"), NO_TIMEOUT, (context) -> {
				seen.set(context);
				return "ok";
			});
			assertThat(seen.get().deadline()).isNull();
		}

		@Test
		void fastCallWithATimeoutSucceeds() {
			InvocationResult result = pipeline.invoke(context("inv-1"),
					FunctionPolicy.DEFAULT, (context) -> 42);
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
			assertThat(result.value()).isEqualTo(42);
			assertThat(Thread.currentThread().isInterrupted()).isFalse();
		}

		@Test
		void pipelineWithDefaultsWorksWithoutAnyConfiguration() {
			try (InvocationPipeline defaults = InvocationPipeline.builder().build()) {
				InvocationResult result = defaults.invoke(context("inv-1"), FunctionPolicy.DEFAULT, (context) -> "x");
				assertThat(result.value()).isEqualTo("x");
			}
		}

	}

	@Nested
	class Mdc {

		@Test
		void invocationKeysAreVisibleInsideTheCallAndRemovedAfterwards() {
			Map<String, String> inside = new HashMap<>();
			pipeline.invoke(context("inv-7"), NO_TIMEOUT, (context) -> {
				inside.putAll(MDC.getCopyOfContextMap());
				return null;
			});
			assertThat(inside).contains(entry(InvocationPipeline.MDC_INVOCATION_ID, "inv-7"),
					entry(InvocationPipeline.MDC_FUNCTION, "orders"), entry(InvocationPipeline.MDC_TRIGGER, "http"));
			assertThat(MDC.get(InvocationPipeline.MDC_INVOCATION_ID)).isNull();
			assertThat(MDC.get(InvocationPipeline.MDC_FUNCTION)).isNull();
			assertThat(MDC.get(InvocationPipeline.MDC_TRIGGER)).isNull();
		}

		@Test
		void outerValuesAreRestoredAfterANestedInvocation() {
			MDC.put(InvocationPipeline.MDC_INVOCATION_ID, "outer-id");
			MDC.put(InvocationPipeline.MDC_FUNCTION, "outer-function");
			MDC.put(InvocationPipeline.MDC_TRIGGER, "queue");
			AtomicReference<String> inside = new AtomicReference<>();
			pipeline.invoke(context("inv-7"), NO_TIMEOUT, (context) -> {
				inside.set(MDC.get(InvocationPipeline.MDC_FUNCTION));
				return null;
			});
			assertThat(inside.get()).isEqualTo("orders");
			assertThat(MDC.get(InvocationPipeline.MDC_INVOCATION_ID)).isEqualTo("outer-id");
			assertThat(MDC.get(InvocationPipeline.MDC_FUNCTION)).isEqualTo("outer-function");
			assertThat(MDC.get(InvocationPipeline.MDC_TRIGGER)).isEqualTo("queue");
		}

		@Test
		void keysAreRestoredWhenTheCallFails() {
			MDC.put(InvocationPipeline.MDC_FUNCTION, "outer-function");
			pipeline.invoke(context("inv-7"), NO_TIMEOUT, (context) -> {
				throw new IllegalStateException("boom");
			});
			assertThat(MDC.get(InvocationPipeline.MDC_FUNCTION)).isEqualTo("outer-function");
			assertThat(MDC.get(InvocationPipeline.MDC_INVOCATION_ID)).isNull();
		}

		@Test
		void aScopeHoldsTheFunctionForManyInvocationsEachWithItsOwnIdAndRestoresWhatWasThere() {
			MDC.put(InvocationPipeline.MDC_FUNCTION, "outer-function");
			MDC.put(InvocationPipeline.MDC_INVOCATION_ID, "outer-id");
			List<Map<String, String>> inside = new ArrayList<>();
			try (InvocationPipeline.MdcScope scope = InvocationPipeline.mdcScope("orders", "http")) {
				// the adapter's own logs in the scope (a poll's settlement) carry the function
				assertThat(MDC.get(InvocationPipeline.MDC_FUNCTION)).isEqualTo("orders");
				assertThat(MDC.get(InvocationPipeline.MDC_TRIGGER)).isEqualTo("http");
				for (String id : List.of("inv-1", "inv-2")) {
					pipeline.invoke(context(id), NO_TIMEOUT, (context) -> {
						inside.add(new HashMap<>(MDC.getCopyOfContextMap()));
						return null;
					});
					// the adapter's logs settling the invocation's message carry its id
					assertThat(MDC.get(InvocationPipeline.MDC_INVOCATION_ID)).isEqualTo(id);
					assertThat(MDC.get(InvocationPipeline.MDC_FUNCTION)).isEqualTo("orders");
				}
				// another function inside the scope sets and restores its own
				pipeline.invoke(InvocationContext.of("inv-3", "billing", "kafka", Map.of()), NO_TIMEOUT, (context) -> {
					inside.add(new HashMap<>(MDC.getCopyOfContextMap()));
					return null;
				});
				assertThat(MDC.get(InvocationPipeline.MDC_FUNCTION)).isEqualTo("orders");
				assertThat(MDC.get(InvocationPipeline.MDC_TRIGGER)).isEqualTo("http");
				assertThat(MDC.get(InvocationPipeline.MDC_INVOCATION_ID)).isEqualTo("inv-2");
			}
			assertThat(inside).extracting((mdc) -> mdc.get(InvocationPipeline.MDC_INVOCATION_ID))
				.containsExactly("inv-1", "inv-2", "inv-3");
			assertThat(inside).extracting((mdc) -> mdc.get(InvocationPipeline.MDC_FUNCTION))
				.containsExactly("orders", "orders", "billing");
			assertThat(inside).extracting((mdc) -> mdc.get(InvocationPipeline.MDC_TRIGGER))
				.containsExactly("http", "http", "kafka");
			assertThat(MDC.get(InvocationPipeline.MDC_FUNCTION)).isEqualTo("outer-function");
			assertThat(MDC.get(InvocationPipeline.MDC_TRIGGER)).isNull();
			assertThat(MDC.get(InvocationPipeline.MDC_INVOCATION_ID)).isEqualTo("outer-id");
		}

		@Test
		void anInvocationNestedInAScopedOneOfTheSameFunctionPutsBackTheOuterId() {
			AtomicReference<String> afterNested = new AtomicReference<>();
			try (InvocationPipeline.MdcScope scope = InvocationPipeline.mdcScope("orders", "kafka")) {
				pipeline.invoke(InvocationContext.of("outer", "orders", "kafka", Map.of()), NO_TIMEOUT, (outer) -> {
					pipeline.invoke(InvocationContext.of("nested", "orders", "kafka", Map.of()), NO_TIMEOUT,
							(nested) -> null);
					afterNested.set(MDC.get(InvocationPipeline.MDC_INVOCATION_ID));
					return null;
				});
				assertThat(MDC.get(InvocationPipeline.MDC_INVOCATION_ID)).isEqualTo("outer");
			}
			assertThat(afterNested).hasValue("outer");
			assertThat(MDC.get(InvocationPipeline.MDC_INVOCATION_ID)).isNull();
		}

		@Test
		void unrelatedKeysAreUntouched() {
			MDC.put("tenant", "contoso");
			AtomicReference<String> inside = new AtomicReference<>();
			pipeline.invoke(context("inv-7"), NO_TIMEOUT, (context) -> {
				inside.set(MDC.get("tenant"));
				return null;
			});
			assertThat(inside.get()).isEqualTo("contoso");
			assertThat(MDC.get("tenant")).isEqualTo("contoso");
		}

	}

	@Nested
	class Failures {

		@Test
		void runtimeExceptionIsARetryableFailure() {
			IllegalStateException boom = new IllegalStateException("boom");
			InvocationResult result = pipeline.invoke(context("inv-1"), NO_TIMEOUT,
					(context) -> {
						throw boom;
					});
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.FAILURE);
			assertThat(result.error()).isSameAs(boom);
			assertThat(result.value()).isNull();
			assertThat(result.reason()).isEqualTo("java.lang.IllegalStateException: boom");
		}

		@Test
		void checkedExceptionIsAFailure() {
			IOException io = new IOException("disk full");
			InvocationResult result = pipeline.invoke(context("inv-1"), NO_TIMEOUT,
					(context) -> {
						throw io;
					});
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.FAILURE);
			assertThat(result.error()).isSameAs(io);
		}

		@Test
		void jvmErrorBecomesAFailureAndIsLogged() {
			OutOfMemoryError oom = new OutOfMemoryError("simulated");
			List<ILoggingEvent> events = capturePipelineLog(() -> {
				InvocationResult result = pipeline.invoke(context("inv-1"), NO_TIMEOUT,
						(context) -> {
							throw oom;
						});
				assertThat(result.outcome()).isEqualTo(InvocationOutcome.FAILURE);
				assertThat(result.error()).isSameAs(oom);
			});
			assertThat(events).anySatisfy((event) -> {
				assertThat(event.getLevel()).isEqualTo(Level.ERROR);
				assertThat(event.getFormattedMessage()).contains("'orders'").contains("JVM error");
			});
		}

		@Test
		void poisonMessageExceptionIsPoison() {
			InvocationResult result = pipeline.invoke(context("inv-1"), NO_TIMEOUT,
					(context) -> {
						throw new PoisonMessageException("order has no lines");
					});
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.POISON);
			assertThat(result.error()).isInstanceOf(PoisonMessageException.class).hasMessage("order has no lines");
			assertThat(result.retriesExhausted()).isFalse();
		}

		@Test
		void poisonMessageExceptionAsANestedCauseIsPoison() {
			RuntimeException wrapped = new RuntimeException("handler failed",
					new IllegalStateException("decode failed", new PoisonMessageException("not JSON")));
			InvocationResult result = pipeline.invoke(context("inv-1"), NO_TIMEOUT,
					(context) -> {
						throw wrapped;
					});
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.POISON);
			assertThat(result.error()).isSameAs(wrapped);
		}

		@Test
		void inputConversionExceptionIsPoison() {
			InvocationResult result = pipeline.invoke(context("inv-1"), NO_TIMEOUT,
					(context) -> {
						throw new InputConversionException("items[0].quantity", "not a number", null);
					});
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.POISON);
		}

		@Test
		void customErrorClassifierDecidesWhatIsPoison() {
			try (InvocationPipeline custom = InvocationPipeline.builder()
				.errorClassifier((error) -> error instanceof IllegalArgumentException)
				.build()) {
				assertThat(custom.invoke(context("inv-1"), NO_TIMEOUT, (context) -> {
					throw new IllegalArgumentException("bad");
				}).outcome()).isEqualTo(InvocationOutcome.POISON);
				assertThat(custom.invoke(context("inv-2"), NO_TIMEOUT, (context) -> {
					throw new PoisonMessageException("not poison for this classifier");
				}).outcome()).isEqualTo(InvocationOutcome.FAILURE);
			}
		}

		@Test
		void interruptFromOutsideThePipelineIsPreservedForTheCaller() {
			// not the pipeline's timeout: whoever interrupted the thread (a shutdown) must still see it
			InvocationResult result = pipeline.invoke(context("inv-1"),
					FunctionPolicy.DEFAULT, (context) -> {
						Thread.currentThread().interrupt();
						new CountDownLatch(1).await(10, TimeUnit.SECONDS);
						return "unreachable";
					});
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.FAILURE);
			assertThat(result.error()).isInstanceOf(InterruptedException.class);
			assertThat(Thread.interrupted()).isTrue();
		}

	}

	@Nested
	class Timeouts {

		@Test
		void blockedCallIsInterruptedAndEndsAsTimeout() {
			InvocationResult result = pipeline.invoke(context("inv-1"), SHORT_TIMEOUT,
					(context) -> {
						// returns false after 10 s if the timeout never interrupts it
						new CountDownLatch(1).await(10, TimeUnit.SECONDS);
						return "finished";
					});
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.TIMEOUT);
			assertThat(result.value()).isNull();
			assertThat(result.error()).isInstanceOf(FunctionTimeoutException.class)
				.hasMessageContaining("'orders'")
				.hasMessageContaining("PT0.1S")
				.hasMessageContaining("funcboot.functions.orders.timeout");
			assertThat(Thread.currentThread().isInterrupted()).isFalse();
		}

		@Test
		void invocationsOfAPollEachHaveTheirOwnDeadline() {
			// a poll's scope keeps the thread's timeout guard from one invocation to the next; half a
			// second, so that a quick call never reaches it on a busy machine
			FunctionPolicy half = new FunctionPolicy(Duration.ofMillis(500), RetryPolicy.NONE, 0);
			try (InvocationPipeline.MdcScope scope = InvocationPipeline.mdcScope("orders", "kafka")) {
				InvocationResult first = pipeline.invoke(context("inv-1"), half, (context) -> "quick");
				InvocationResult late = pipeline.invoke(context("inv-2"), half, (context) -> {
					new CountDownLatch(1).await(10, TimeUnit.SECONDS);
					return "finished";
				});
				InvocationResult nested = pipeline.invoke(context("inv-3"),
						new FunctionPolicy(Duration.ofSeconds(30), RetryPolicy.NONE, 0),
						(context) -> pipeline.invoke(context("inv-4"), half, (inner) -> {
							new CountDownLatch(1).await(10, TimeUnit.SECONDS);
							return "finished";
						}).outcome());
				long start = System.nanoTime();
				InvocationResult after = pipeline.invoke(context("inv-5"), half, (context) -> {
					// interrupted at its own deadline, half a second from its own start
					return new CountDownLatch(1).await(10, TimeUnit.SECONDS);
				});
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
				assertThat(first.value()).isEqualTo("quick");
				assertThat(late.outcome()).isEqualTo(InvocationOutcome.TIMEOUT);
				assertThat(nested.value()).isEqualTo(InvocationOutcome.TIMEOUT);
				assertThat(nested.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
				assertThat(after.outcome()).isEqualTo(InvocationOutcome.TIMEOUT);
			}
			InvocationResult outside = pipeline.invoke(context("inv-6"), half, (context) -> "quick");
			assertThat(outside.value()).isEqualTo("quick");
			assertThat(Thread.currentThread().isInterrupted()).isFalse();
		}

		@Test
		void interruptFlagRestoredByTheFunctionIsClearedAfterTheTimeout() {
			InvocationResult result = pipeline.invoke(context("inv-1"), SHORT_TIMEOUT,
					(context) -> {
						try {
							new CountDownLatch(1).await(10, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							// a well-behaved function re-asserts the interrupt it could not handle
							Thread.currentThread().interrupt();
							throw new IllegalStateException("interrupted", ex);
						}
						return "finished";
					});
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.TIMEOUT);
			assertThat(result.error()).isInstanceOf(FunctionTimeoutException.class);
			assertThat(Thread.currentThread().isInterrupted()).isFalse();
		}

		@Test
		void callThatSwallowsTheInterruptStillEndsAsTimeout() {
			AtomicBoolean sawInterrupt = new AtomicBoolean();
			InvocationResult result = pipeline.invoke(context("inv-1"), SHORT_TIMEOUT,
					(context) -> {
						try {
							new CountDownLatch(1).await(10, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							sawInterrupt.set(true);
						}
						return "ignored the timeout";
					});
			assertThat(sawInterrupt).isTrue();
			assertThat(result.outcome()).isEqualTo(InvocationOutcome.TIMEOUT);
			assertThat(result.value()).isNull();
			assertThat(result.error()).isInstanceOf(FunctionTimeoutException.class);
			assertThat(Thread.currentThread().isInterrupted()).isFalse();
		}

		@Test
		void timeoutIsObservedAndCounted() {
			pipeline.invoke(context("inv-1"), SHORT_TIMEOUT, (context) -> {
				new CountDownLatch(1).await(10, TimeUnit.SECONDS);
				return "finished";
			});
			assertThat(observations)
				.hasObservationWithNameEqualTo(InvocationPipeline.OBSERVATION_NAME)
				.that()
				.hasLowCardinalityKeyValue("outcome", "timeout")
				.assertThatError()
				.isInstanceOf(FunctionTimeoutException.class);
			assertThat(statistics.counts("orders"))
				.containsEntry(InvocationOutcome.TIMEOUT, 1L);
		}

	}

	@Nested
	class ConcurrencyLimit {

		@Test
		void secondConcurrentInvocationIsRejectedAndANewOneSucceedsAfterRelease() throws Exception {
			CountDownLatch entered = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Future<InvocationResult> first = executor
				.submit(() -> pipeline.invoke(context("inv-1"), ONE_AT_A_TIME, (context) -> {
					entered.countDown();
					release.await();
					return "first";
				}));
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(pipeline.availablePermits("orders", 1)).isZero();

			AtomicBoolean secondRan = new AtomicBoolean();
			Future<InvocationResult> second = executor
				.submit(() -> pipeline.invoke(context("inv-2"), ONE_AT_A_TIME, (context) -> {
					secondRan.set(true);
					return "second";
				}));
			InvocationResult rejected = second.get(10, TimeUnit.SECONDS);
			assertThat(rejected.outcome()).isEqualTo(InvocationOutcome.REJECTED);
			assertThat(rejected.outcome().isRetryable()).isTrue();
			assertThat(rejected.value()).isNull();
			assertThat(rejected.context().invocationId()).isEqualTo("inv-2");
			assertThat(rejected.error()).isInstanceOf(ConcurrencyLimitExceededException.class)
				.hasMessageContaining("'orders'")
				.hasMessageContaining("1 concurrent invocations")
				.hasMessageContaining("funcboot.functions.orders.max-concurrency");
			assertThat(secondRan).isFalse();

			release.countDown();
			InvocationResult firstResult = first.get(10, TimeUnit.SECONDS);
			assertThat(firstResult.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
			assertThat(firstResult.value()).isEqualTo("first");
			assertThat(pipeline.availablePermits("orders", 1)).isEqualTo(1);

			InvocationResult third = pipeline.invoke(context("inv-3"), ONE_AT_A_TIME, (context) -> "third");
			assertThat(third.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
			assertThat(third.value()).isEqualTo("third");
			assertThat(statistics.counts("orders"))
				.containsEntry(InvocationOutcome.SUCCESS, 2L)
				.containsEntry(InvocationOutcome.REJECTED, 1L);
		}

		@Test
		void limitIsPerFunction() throws Exception {
			CountDownLatch entered = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Future<InvocationResult> blocked = executor
				.submit(() -> pipeline.invoke(context("inv-1"), ONE_AT_A_TIME, (context) -> {
					entered.countDown();
					release.await();
					return "orders";
				}));
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
			try {
				InvocationContext other = InvocationContext.of("inv-2", "invoices", "http", null);
				InvocationResult result = pipeline.invoke(other, ONE_AT_A_TIME, (context) -> "invoices");
				assertThat(result.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
			}
			finally {
				release.countDown();
			}
			assertThat(blocked.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(InvocationOutcome.SUCCESS);
		}

		@Test
		void permitIsReturnedWhenTheCallFails() {
			InvocationResult failed = pipeline.invoke(context("inv-1"), ONE_AT_A_TIME,
					(context) -> {
						throw new IllegalStateException("boom");
					});
			assertThat(failed.outcome()).isEqualTo(InvocationOutcome.FAILURE);
			assertThat(pipeline.availablePermits("orders", 1)).isEqualTo(1);
			assertThat(pipeline.invoke(context("inv-2"), ONE_AT_A_TIME, (context) -> "ok")
				.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
		}

		@Test
		void unlimitedConcurrencyHasNoPermits() {
			assertThat(pipeline.availablePermits("orders", 0)).isEqualTo(-1);
		}

	}

	@Nested
	class Listeners {

		@Test
		void statisticsCountEveryOutcomeAndKeepTheLastError() {
			pipeline.invoke(context("inv-1"), NO_TIMEOUT, (context) -> "ok");
			pipeline.invoke(context("inv-2"), NO_TIMEOUT, (context) -> "ok");
			pipeline.invoke(context("inv-3"), NO_TIMEOUT, (context) -> {
				throw new IllegalStateException("database down");
			});
			pipeline.invoke(context("inv-4"), NO_TIMEOUT, (context) -> {
				throw new PoisonMessageException("no lines");
			});
			assertThat(statistics.counts("orders")).containsOnly(
					entry(InvocationOutcome.SUCCESS, 2L), entry(InvocationOutcome.FAILURE, 1L),
					entry(InvocationOutcome.POISON, 1L), entry(InvocationOutcome.TIMEOUT, 0L),
					entry(InvocationOutcome.REJECTED, 0L));
			FunctionStatistics.LastError lastError = statistics.lastError("orders");
			assertThat(lastError).isEqualTo(new FunctionStatistics.LastError(NOW, "inv-4", InvocationOutcome.POISON,
					PoisonMessageException.class.getName(), "no lines"));
		}

		@Test
		void everyListenerIsToldInRegistrationOrderWithADuration() {
			List<String> calls = new ArrayList<>();
			List<Long> durations = new ArrayList<>();
			try (InvocationPipeline pipeline = InvocationPipeline.builder()
				.listener((result, nanos) -> calls.add("first:" + result.outcome().tag()))
				.listener((result, nanos) -> {
					calls.add("second:" + result.context().invocationId());
					durations.add(nanos);
				})
				.build()) {
				pipeline.invoke(context("inv-1"), NO_TIMEOUT, (context) -> "ok");
			}
			assertThat(calls).containsExactly("first:success", "second:inv-1");
			assertThat(durations).hasSize(1).allSatisfy((nanos) -> assertThat(nanos).isNotNegative());
		}

		@Test
		void failingListenerDoesNotBreakTheInvocationOrOtherListeners() {
			List<InvocationOutcome> seen = new ArrayList<>();
			List<ILoggingEvent> events = capturePipelineLog(() -> {
				try (InvocationPipeline pipeline = InvocationPipeline.builder().listener((result, nanos) -> {
					throw new IllegalStateException("listener broken");
				}).listener((result, nanos) -> seen.add(result.outcome())).build()) {
					InvocationResult result = pipeline.invoke(context("inv-1"), NO_TIMEOUT, (context) -> "ok");
					assertThat(result.value()).isEqualTo("ok");
				}
			});
			assertThat(seen).containsExactly(InvocationOutcome.SUCCESS);
			assertThat(events).anySatisfy((event) -> {
				assertThat(event.getLevel()).isEqualTo(Level.WARN);
				assertThat(event.getFormattedMessage()).contains("listener").contains("failed");
			});
		}

	}

	@Nested
	class Observations {

		@Test
		void successIsObservedWithFunctionTriggerAndOutcome() {
			pipeline.invoke(context("inv-1"), NO_TIMEOUT, (context) -> "ok");
			assertThat(observations).hasNumberOfObservationsEqualTo(1)
				.hasObservationWithNameEqualTo("funcboot.invocation")
				.that()
				.hasBeenStarted()
				.hasBeenStopped()
				.hasContextualNameEqualTo("funcboot orders")
				.hasLowCardinalityKeyValue("function", "orders")
				.hasLowCardinalityKeyValue("trigger", "http")
				.hasLowCardinalityKeyValue("outcome", "success")
				.hasHighCardinalityKeyValue("invocation.id", "inv-1")
				.doesNotHaveLowCardinalityKeyValueWithKey("invocation.id")
				.doesNotHaveError();
		}

		@Test
		void failureIsObservedWithItsError() {
			IllegalStateException boom = new IllegalStateException("boom");
			pipeline.invoke(context("inv-1"), NO_TIMEOUT, (context) -> {
				throw boom;
			});
			assertThat(observations)
				.hasObservationWithNameEqualTo(InvocationPipeline.OBSERVATION_NAME)
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("outcome", "failure")
				.hasError(boom);
		}

		@Test
		void poisonIsObservedAsPoison() {
			pipeline.invoke(context("inv-1"), NO_TIMEOUT, (context) -> {
				throw new PoisonMessageException("bad");
			});
			assertThat(observations)
				.hasObservationWithNameEqualTo(InvocationPipeline.OBSERVATION_NAME)
				.that()
				.hasLowCardinalityKeyValue("outcome", "poison")
				.hasError();
		}

		@Test
		void observationIsCurrentWhileTheFunctionRuns() {
			AtomicReference<Observation> current = new AtomicReference<>();
			pipeline.invoke(context("inv-1"), NO_TIMEOUT, (context) -> {
				current.set(observations.getCurrentObservation());
				return null;
			});
			assertThat(current.get()).isNotNull();
			assertThat(current.get().getContext().getName()).isEqualTo(InvocationPipeline.OBSERVATION_NAME);
			assertThat(observations.getCurrentObservation()).isNull();
		}

	}

	/** A scope's run of invocations (a broker's poll): where each one's time starts, and its deadline. */
	@Nested
	class Runs {

		private final List<Long> durations = new ArrayList<>();

		private final List<Instant> deadlines = new ArrayList<>();

		private final InvocationPipeline systemClock = InvocationPipeline.builder()
			.listener((result, duration) -> {
				this.durations.add(duration);
				this.deadlines.add(result.context().deadline());
			})
			.build();

		@AfterEach
		void closePipeline() {
			this.systemClock.close();
		}

		private void invoke(String id, FunctionPolicy policy) {
			InvocationResult result = this.systemClock.invoke(InvocationContext.of(id, "orders", "kafka", Map.of()),
					policy, (context) -> null);
			assertThat(result.isSuccess()).isTrue();
		}

		@Test
		void anInvocationToldToStartAtTheLastEndCountsTheTimeSinceOnlyOnce() throws InterruptedException {
			try (InvocationPipeline.MdcScope scope = InvocationPipeline.mdcScope("orders", "kafka")) {
				// before any invocation there is no end to start at
				scope.startNextAtLastEnd();
				Thread.sleep(50);
				invoke("first", NO_TIMEOUT);
				scope.startNextAtLastEnd();
				Thread.sleep(50);
				invoke("chained", NO_TIMEOUT);
				// only the next one: this one reads the clock again
				Thread.sleep(50);
				invoke("after-a-gap", NO_TIMEOUT);
				// a settlement between (no startNextAtLastEnd): the clock is read
				invoke("settled-between", NO_TIMEOUT);
			}
			long ms = TimeUnit.MILLISECONDS.toNanos(1);
			assertThat(this.durations).hasSize(4);
			assertThat(this.durations.get(0)).isLessThan(40 * ms);
			// its time began when "first" ended, 50 ms of the caller's work ago
			assertThat(this.durations.get(1)).isGreaterThanOrEqualTo(50 * ms);
			assertThat(this.durations.get(2)).isLessThan(40 * ms);
			assertThat(this.durations.get(3)).isLessThan(40 * ms);
		}

		@Test
		void aNestedInvocationAndAnotherFunctionReadTheClockThemselves() throws InterruptedException {
			List<Long> nested = new ArrayList<>();
			try (InvocationPipeline.MdcScope scope = InvocationPipeline.mdcScope("orders", "kafka")) {
				invoke("first", NO_TIMEOUT);
				scope.startNextAtLastEnd();
				Thread.sleep(50);
				// a function of another name in the scope is not one of its run
				this.systemClock.invoke(InvocationContext.of("billing", "billing", "kafka", Map.of()), NO_TIMEOUT,
						(context) -> null);
				nested.add(this.durations.get(this.durations.size() - 1));
				scope.startNextAtLastEnd();
				Thread.sleep(50);
				invoke("chained", NO_TIMEOUT);
			}
			assertThat(nested.get(0)).isLessThan(TimeUnit.MILLISECONDS.toNanos(40));
			// still told to start at the last end of the run's own invocations
			assertThat(this.durations.get(2)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
		}

		@Test
		void eachInvocationOfARunGetsTheDeadlineOfItsOwnStartAndTimeout() throws InterruptedException {
			FunctionPolicy oneMinute = new FunctionPolicy(Duration.ofMinutes(1), RetryPolicy.NONE, 0);
			FunctionPolicy twoMinutes = new FunctionPolicy(Duration.ofMinutes(2), RetryPolicy.NONE, 0);
			List<Instant[]> bounds = new ArrayList<>();
			try (InvocationPipeline.MdcScope scope = InvocationPipeline.mdcScope("orders", "kafka")) {
				for (FunctionPolicy policy : List.of(oneMinute, oneMinute, twoMinutes, oneMinute)) {
					Instant before = Instant.now();
					invoke("inv", policy);
					bounds.add(new Instant[] { before.plus(policy.timeout()), Instant.now().plus(policy.timeout()) });
					Thread.sleep(20);
				}
			}
			assertThat(this.deadlines).hasSize(4);
			for (int i = 0; i < 4; i++) {
				// the deadline is to the millisecond, from a clock that follows nanoTime between reads
				assertThat(this.deadlines.get(i)).isBetween(bounds.get(i)[0].minusMillis(2),
						bounds.get(i)[1].plusMillis(2));
			}
			assertThat(this.deadlines.get(1)).isAfterOrEqualTo(this.deadlines.get(0).plusMillis(18));
		}

	}

	private static List<ILoggingEvent> capturePipelineLog(Runnable action) {
		Logger logger = (Logger) LoggerFactory.getLogger(InvocationPipeline.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		// the expected warnings and errors need not clutter the build output
		logger.setAdditive(false);
		try {
			action.run();
		}
		finally {
			logger.setAdditive(true);
			logger.detachAppender(appender);
		}
		return List.copyOf(appender.list);
	}

}
