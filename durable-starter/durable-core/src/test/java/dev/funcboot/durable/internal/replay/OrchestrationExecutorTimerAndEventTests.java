package dev.funcboot.durable.internal.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.Task;
import dev.funcboot.durable.TaskFailedException;
import dev.funcboot.durable.TaskTimedOutException;
import dev.funcboot.durable.history.HistoryEvent;

import static dev.funcboot.durable.internal.replay.OrchestrationExecutorActivityTests.last;
import static dev.funcboot.durable.internal.replay.ReplayAssertions.assertReplays;
import static dev.funcboot.durable.internal.replay.StepDriver.eventsOf;
import static dev.funcboot.durable.internal.replay.StepDriver.orchestrator;
import static dev.funcboot.durable.internal.replay.StepDriver.types;
import static org.assertj.core.api.Assertions.assertThat;

/** Durable timers, external events, allOf and anyOf: live, then replayed. */
class OrchestrationExecutorTimerAndEventTests {

	@Test
	void createTimerWithDurationAndInstantFireWhenTheClockReachesThem() {
		StepDriver driver = StepDriver.of(orchestrator("sleepy", String.class, (context, in) -> {
			Instant started = context.currentInstant();
			context.createTimer(Duration.ofHours(1)).await();
			context.createTimer(started.plus(Duration.ofDays(1))).await();
			return context.currentInstant().toString();
		}));

		StepDriver.Instance instance = driver.start("sleepy", "i-1", "x");
		assertThat(eventsOf(instance.history(), HistoryEvent.TimerCreated.class)).singleElement()
			.satisfies((timer) -> assertThat(timer.fireAt()).isEqualTo(StepDriver.T0.plus(Duration.ofHours(1))));

		driver.advance(Duration.between(driver.now(), StepDriver.T0.plus(Duration.ofHours(1))).minusSeconds(1));
		assertThat(eventsOf(instance.history(), HistoryEvent.TimerFired.class)).isEmpty();
		driver.advance(Duration.ofSeconds(1));
		assertThat(eventsOf(instance.history(), HistoryEvent.TimerFired.class)).hasSize(1);
		assertThat(last(eventsOf(instance.history(), HistoryEvent.TimerCreated.class)).fireAt())
			.isEqualTo(StepDriver.T0.plus(Duration.ofDays(1)));

		driver.advance(Duration.ofDays(1));
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		Instant firedStep = ((HistoryEvent.OrchestratorStarted) instance.history().get(instance.history().size() - 3))
			.timestamp();
		assertThat(instance.output()).isEqualTo("\"" + firedStep + "\"");
		assertThat(eventsOf(instance.history(), HistoryEvent.TimerFired.class))
			.extracting(HistoryEvent.TimerFired::fireAt)
			.containsExactly(StepDriver.T0.plus(Duration.ofHours(1)), StepDriver.T0.plus(Duration.ofDays(1)));
		assertReplays(driver.executor(), instance);
	}

	@Test
	void externalEventRaisedAfterTheWaitCompletesIt() {
		StepDriver driver = StepDriver.of(orchestrator("approval", String.class,
				(context, in) -> in + " approved=" + context.waitForExternalEvent("Approval", Boolean.class).await()));

		StepDriver.Instance instance = driver.start("approval", "i-1", "r-1");
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.RUNNING);
		assertThat(instance.steps().get(0).result().actions()).isEmpty();

		driver.raiseEvent("i-1", "approval", true); // names match case-insensitively

		assertThat(instance.output()).isEqualTo("\"r-1 approved=true\"");
		assertReplays(driver.executor(), instance);
	}

	@Test
	void externalEventRaisedBeforeTheWaitIsBuffered() {
		StepDriver driver = StepDriver.of(orchestrator("approval", String.class, (context, in) -> {
			context.createTimer(Duration.ofHours(1)).await();
			return context.waitForExternalEvent("Approval", String.class).await();
		}));

		StepDriver.Instance instance = driver.start("approval", "i-1", "r-1");
		driver.raiseEvent("i-1", "Approval", "yes, early");
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.RUNNING);
		driver.advance(Duration.ofHours(1));

		assertThat(instance.output()).isEqualTo("\"yes, early\"");
		assertThat(types(instance.history())).containsSubsequence("EventRaised", "TimerFired", "ExecutionCompleted");
		assertReplays(driver.executor(), instance);
	}

	@Test
	void externalEventTimeoutExpiringThrowsTaskTimedOutException() {
		StepDriver driver = StepDriver.of(orchestrator("approval", String.class, (context, in) -> {
			try {
				return context.<Boolean>waitForExternalEvent("Approval", Duration.ofDays(3), Boolean.class).await()
						? "approved" : "rejected";
			}
			catch (TaskTimedOutException ex) {
				return "escalated: " + ex.getMessage();
			}
		}));

		StepDriver.Instance instance = driver.start("approval", "i-1", "r-1");
		driver.advance(Duration.ofDays(3).minusSeconds(2));
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.RUNNING);
		driver.advance(Duration.ofSeconds(1));

		assertThat(instance.output()).isEqualTo("\"escalated: External event 'Approval' did not arrive within PT72H\"");
		assertReplays(driver.executor(), instance);
	}

	@Test
	void externalEventInTimeCancelsTheTimeout() {
		StepDriver driver = StepDriver.of(orchestrator("approval", String.class, (context, in) -> {
			boolean approved = context.<Boolean>waitForExternalEvent("Approval", Duration.ofHours(1), Boolean.class).await();
			context.createTimer(Duration.ofHours(2)).await(); // still running when the timeout timer fires
			return approved ? "approved" : "rejected";
		}));

		StepDriver.Instance instance = driver.start("approval", "i-1", "r-1");
		driver.advance(Duration.ofMinutes(10));
		driver.raiseEvent("i-1", "Approval", true);
		driver.advance(Duration.ofHours(1));
		assertThat(eventsOf(instance.history(), HistoryEvent.TimerFired.class)).as("the timeout timer fired")
			.singleElement()
			.satisfies((fired) -> assertThat(fired.taskId()).isEqualTo(0));
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.RUNNING);
		driver.advance(Duration.ofHours(1));

		assertThat(instance.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(instance.output()).isEqualTo("\"approved\"");
		assertReplays(driver.executor(), instance);
	}

	@Test
	void allOfWaitsForEveryTaskAcrossSteps() {
		StepDriver driver = StepDriver.of(orchestrator("fan", Integer.class, (context, n) -> {
			List<Task<Integer>> squares = new ArrayList<>();
			for (int i = 1; i <= n; i++) {
				squares.add(context.callActivity("square", i, Integer.class));
			}
			return context.allOf(squares).await().stream().mapToInt(Integer::intValue).sum();
		})).activity("square", Integer.class, (i) -> i * i).oneEventPerStep();

		StepDriver.Instance instance = driver.start("fan", "i-1", 5);

		assertThat(instance.output()).isEqualTo("55");
		assertThat(instance.steps()).as("one result per step").hasSize(6);
		assertThat(instance.steps().get(0).result().actions()).hasSize(5)
			.allSatisfy((action) -> assertThat(action).isInstanceOf(OrchestratorAction.ScheduleTask.class));
		assertReplays(driver.executor(), instance);
	}

	@Test
	void allOfFailsWithTheFirstFailureInListOrderOnceAllAreDone() {
		StepDriver driver = StepDriver.of(orchestrator("fan", String.class, (context, in) -> {
			Task<String> first = context.callActivity("fails", "first", String.class);
			Task<String> ok = context.callActivity("ok", "second", String.class);
			Task<String> third = context.callActivity("fails", "third", String.class);
			try {
				context.allOf(List.of(third, ok, first)).await();
				return "all done";
			}
			catch (TaskFailedException ex) {
				return ex.getFailure().message() + "; all done: " + (first.isDone() && ok.isDone() && third.isDone());
			}
		})).activity("ok", (s) -> s).activity("fails", (s) -> {
			throw new IllegalStateException("failed " + s);
		}).oneEventPerStep();

		StepDriver.Instance instance = driver.start("fan", "i-1", "x");

		assertThat(instance.output()).isEqualTo("\"failed third; all done: true\"");
		assertReplays(driver.executor(), instance);
	}

	@Test
	void anyOfCompletesWithTheFirstTaskDone() {
		StepDriver driver = StepDriver.of(orchestrator("race", String.class, (context, in) -> {
			Task<String> event = context.waitForExternalEvent("Answer", String.class);
			Task<Void> deadline = context.createTimer(Duration.ofHours(1));
			Task<?> winner = context.anyOf(List.of(event, deadline)).await();
			return (winner == event) ? "answer " + event.await() : "deadline";
		}));

		StepDriver.Instance answered = driver.start("race", "answered", "x");
		StepDriver.Instance late = driver.start("race", "late", "x");
		driver.raiseEvent("answered", "Answer", "42");
		driver.advance(Duration.ofHours(1));

		assertThat(answered.output()).isEqualTo("\"answer 42\"");
		assertThat(late.output()).isEqualTo("\"deadline\"");
		assertReplays(driver.executor(), answered);
		assertReplays(driver.executor(), late);
	}

	@Test
	void anyOfOverActivitiesReturnsTheOneWhoseResultArrivedFirst() {
		StepDriver driver = StepDriver.of(orchestrator("race", String.class, (context, in) -> {
			List<Task<String>> tasks = IntStream.range(0, 3)
				.mapToObj((i) -> context.callActivity("echo", "r" + i, String.class))
				.toList();
			return ((Task<?>) context.anyOf(tasks).await()).await();
		})).activity("echo", (s) -> s).oneEventPerStep();

		StepDriver.Instance instance = driver.start("race", "i-1", "x");

		assertThat(instance.output()).isEqualTo("\"r0\"");
		assertReplays(driver.executor(), instance);
	}

}
