package dev.funcboot.durable.internal.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.TaskFailedException;
import dev.funcboot.durable.TaskOptions;
import dev.funcboot.durable.TaskRetryPolicy;
import dev.funcboot.durable.history.HistoryEvent;

import static dev.funcboot.durable.internal.replay.ReplayAssertions.assertReplays;
import static dev.funcboot.durable.internal.replay.StepDriver.eventsOf;
import static dev.funcboot.durable.internal.replay.StepDriver.orchestrator;
import static dev.funcboot.durable.internal.replay.StepDriver.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Activities, their failures and retries, and sub-orchestrations: live, then replayed. */
class OrchestrationExecutorActivityTests {

	@Test
	void callActivityChainsResultsThroughSteps() {
		StepDriver driver = StepDriver.of(orchestrator("greet", String.class, (context, name) -> {
			String upper = context.callActivity("upper", name, String.class).await();
			return context.callActivity("exclaim", upper, String.class).await();
		})).activity("upper", String::toUpperCase).activity("exclaim", (text) -> text + "!");

		StepDriver.Instance instance = driver.start("greet", "i-1", "tokyo");

		assertThat(instance.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(instance.output()).isEqualTo("\"TOKYO!\"");
		assertThat(types(instance.history())).containsExactly("ExecutionStarted", "OrchestratorStarted",
				"TaskScheduled", "OrchestratorStarted", "TaskCompleted", "TaskScheduled", "OrchestratorStarted",
				"TaskCompleted", "ExecutionCompleted");
		assertThat(eventsOf(instance.history(), HistoryEvent.TaskScheduled.class))
			.extracting(HistoryEvent.TaskScheduled::taskId, HistoryEvent.TaskScheduled::name,
					HistoryEvent.TaskScheduled::input)
			.containsExactly(tuple(0, "upper", "\"tokyo\""),
					tuple(1, "exclaim", "\"TOKYO\""));
		assertThat(driver.calls("upper")).isEqualTo(1);
		assertThat(driver.calls("exclaim")).isEqualTo(1);
		assertReplays(driver.executor(), instance);
	}

	@Test
	void activityFailureIsThrownAsTaskFailedExceptionFromAwait() {
		StepDriver driver = StepDriver.of(orchestrator("pay", String.class, (context, order) -> {
			try {
				return context.callActivity("charge", order, String.class).await();
			}
			catch (TaskFailedException ex) {
				return "not paid: " + ex.getTaskName() + " #" + ex.getTaskId() + " " + ex.getFailure().errorType() + " "
						+ ex.getFailure().message();
			}
		})).activity("charge", (order) -> {
			throw new IllegalStateException("card declined for " + order);
		});

		StepDriver.Instance instance = driver.start("pay", "i-1", "o-7");

		assertThat(instance.output())
			.isEqualTo("\"not paid: charge #0 java.lang.IllegalStateException card declined for o-7\"");
		assertThat(eventsOf(instance.history(), HistoryEvent.TaskFailed.class)).singleElement()
			.satisfies((failed) -> assertThat(failed.failure().message()).isEqualTo("card declined for o-7"));
		assertReplays(driver.executor(), instance);
	}

	@Test
	void uncaughtActivityFailureFailsTheOrchestration() {
		StepDriver driver = StepDriver.of(orchestrator("pay", String.class,
				(context, order) -> context.callActivity("charge", order, String.class).await()))
			.activity("charge", (order) -> {
				throw new IllegalStateException("card declined");
			});

		StepDriver.Instance instance = driver.start("pay", "i-1", "o-7");

		assertThat(instance.status()).isEqualTo(OrchestrationStatus.FAILED);
		assertThat(instance.failure().errorType()).isEqualTo(TaskFailedException.class.getName());
		assertThat(instance.failure().message()).isEqualTo(
				"Task 'charge' (#0) failed: java.lang.IllegalStateException: card declined");
		assertThat(instance.failure().stackTrace()).contains("OrchestrationExecutorActivityTests");
		assertReplays(driver.executor(), instance);
	}

	@Test
	void retryPolicyRetriesAfterDurableTimersWithBackoffUntilAnAttemptSucceeds() {
		TaskRetryPolicy policy = new TaskRetryPolicy(5, Duration.ofSeconds(10), 2.0, Duration.ofSeconds(30), null);
		AtomicInteger attempts = new AtomicInteger();
		StepDriver driver = StepDriver.of(orchestrator("pay", String.class, (context, order) -> context
			.callActivity("charge", order, String.class, TaskOptions.withRetry(policy)).await()))
			.activity("charge", (order) -> {
				if (attempts.incrementAndGet() < 4) {
					throw new IllegalStateException("gateway busy (attempt " + attempts.get() + ")");
				}
				return "paid " + order;
			});

		StepDriver.Instance instance = driver.start("pay", "i-1", "o-7");
		for (Duration expectedDelay : List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30))) {
			assertThat(instance.status()).isEqualTo(OrchestrationStatus.RUNNING);
			int callsSoFar = driver.calls("charge");
			HistoryEvent.TimerCreated timer = last(eventsOf(instance.history(), HistoryEvent.TimerCreated.class));
			assertThat(Duration.between(stepTimeOf(instance.history(), timer), timer.fireAt())).isEqualTo(expectedDelay);
			driver.advance(Duration.between(driver.now(), timer.fireAt()).minusSeconds(1));
			assertThat(driver.calls("charge")).as("no attempt before the timer fires").isEqualTo(callsSoFar);
			driver.advance(Duration.ofSeconds(1));
			assertThat(driver.calls("charge")).isEqualTo(callsSoFar + 1);
		}

		assertThat(instance.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(instance.output()).isEqualTo("\"paid o-7\"");
		assertThat(eventsOf(instance.history(), HistoryEvent.TaskScheduled.class)).hasSize(4);
		assertThat(eventsOf(instance.history(), HistoryEvent.TaskFailed.class)).hasSize(3);
		assertThat(eventsOf(instance.history(), HistoryEvent.TimerFired.class)).hasSize(3);
		assertReplays(driver.executor(), instance);
	}

	@Test
	void retryPolicyGivesUpAfterMaxAttemptsWithTheLastFailure() {
		AtomicInteger attempts = new AtomicInteger();
		StepDriver driver = StepDriver.of(orchestrator("pay", String.class, (context, order) -> context
			.callActivity("charge", order, String.class,
					TaskOptions.withRetry(TaskRetryPolicy.of(3, Duration.ofMinutes(1))))
			.await())).activity("charge", (order) -> {
				throw new IllegalStateException("declined #" + attempts.incrementAndGet());
			});

		StepDriver.Instance instance = driver.start("pay", "i-1", "o-7");
		driver.advance(Duration.ofMinutes(1));
		driver.advance(Duration.ofMinutes(1));

		assertThat(driver.calls("charge")).isEqualTo(3);
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.FAILED);
		assertThat(instance.failure().errorType()).isEqualTo(TaskFailedException.class.getName());
		assertThat(instance.failure().message()).contains("declined #3").contains("#4)");
		assertThat(eventsOf(instance.history(), HistoryEvent.TimerCreated.class)).hasSize(2);
		assertReplays(driver.executor(), instance);
	}

	@Test
	void retryPolicyTimeoutStopsRetryingBeforeMaxAttempts() {
		TaskRetryPolicy policy = new TaskRetryPolicy(10, Duration.ofSeconds(10), 1.0, null, Duration.ofSeconds(15));
		StepDriver driver = StepDriver.of(orchestrator("pay", String.class, (context, order) -> context
			.callActivity("charge", order, String.class, TaskOptions.withRetry(policy)).await()))
			.activity("charge", (order) -> {
				throw new IllegalStateException("declined");
			});

		StepDriver.Instance instance = driver.start("pay", "i-1", "o-7");
		driver.advance(Duration.ofSeconds(10));
		driver.advance(Duration.ofSeconds(10));
		driver.advance(Duration.ofSeconds(10));

		// attempts fail at +1s and +13s (timers), the third at +25s is past the 15s timeout
		assertThat(driver.calls("charge")).isEqualTo(3);
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.FAILED);
		assertReplays(driver.executor(), instance);
	}

	@Test
	void subOrchestratorRunsAsItsOwnInstanceAndReturnsItsOutput() {
		StepDriver driver = StepDriver.of(orchestrator("parent", Integer.class, (context, n) -> {
			int doubled = context.callSubOrchestrator("child", n, Integer.class).await();
			return doubled + 1;
		}), orchestrator("child", Integer.class,
				(context, n) -> context.callActivity("double", n, Integer.class).await()))
			.activity("double", Integer.class, (n) -> n * 2);

		StepDriver.Instance parent = driver.start("parent", "p-1", 20);

		assertThat(parent.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(parent.output()).isEqualTo("41");
		assertThat(eventsOf(parent.history(), HistoryEvent.SubOrchestrationCreated.class)).singleElement()
			.satisfies((created) -> assertThat(created.instanceId()).isEqualTo("p-1:0"));
		StepDriver.Instance child = driver.instance("p-1:0");
		assertThat(child.output()).isEqualTo("40");
		assertThat(((HistoryEvent.ExecutionStarted) child.history().get(0)).parent())
			.isEqualTo(new HistoryEvent.ParentInstance("p-1", "parent", 0));
		assertThat(eventsOf(parent.history(), HistoryEvent.SubOrchestrationCompleted.class)).singleElement()
			.satisfies((completed) -> assertThat(completed.result()).isEqualTo("40"));
		assertReplays(driver.executor(), parent);
		assertReplays(driver.executor(), child);
	}

	@Test
	void subOrchestratorFailureIsThrownAsTaskFailedException() {
		StepDriver driver = StepDriver.of(orchestrator("parent", String.class, (context, in) -> {
			try {
				return context.callSubOrchestrator("child", in, "child-of-" + in, String.class, TaskOptions.NONE)
					.await();
			}
			catch (TaskFailedException ex) {
				return "child failed: " + ex.getFailure().message();
			}
		}), orchestrator("child", String.class, (context, in) -> {
			throw new IllegalArgumentException("bad " + in);
		}));

		StepDriver.Instance parent = driver.start("parent", "p-1", "x");

		assertThat(parent.output()).isEqualTo("\"child failed: bad x\"");
		assertThat(driver.instance("child-of-x").status()).isEqualTo(OrchestrationStatus.FAILED);
		assertReplays(driver.executor(), parent);
		assertReplays(driver.executor(), driver.instance("child-of-x"));
	}

	static <T> T last(List<T> list) {
		return list.get(list.size() - 1);
	}

	/** The time of the step that recorded the event: its preceding OrchestratorStarted. */
	static Instant stepTimeOf(List<HistoryEvent> history, HistoryEvent event) {
		Instant time = null;
		for (HistoryEvent e : history) {
			if (e instanceof HistoryEvent.OrchestratorStarted started) {
				time = started.timestamp();
			}
			if (e == event) {
				return time;
			}
		}
		throw new IllegalArgumentException(event + " is not in the history");
	}

}
