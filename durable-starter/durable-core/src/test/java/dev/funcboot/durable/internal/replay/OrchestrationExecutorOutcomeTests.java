package dev.funcboot.durable.internal.replay;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;

import static dev.funcboot.durable.internal.replay.ReplayAssertions.assertReplays;
import static dev.funcboot.durable.internal.replay.StepDriver.orchestrator;
import static dev.funcboot.durable.internal.replay.StepDriver.types;
import static org.assertj.core.api.Assertions.assertThat;

/** How executions end: failures, unknown names, bad input, termination, odd deliveries. */
class OrchestrationExecutorOutcomeTests {

	@Test
	void orchestratorThrowingFailsWithFailureDetailsAndKeepsTheCustomStatus() {
		StepDriver driver = StepDriver.of(orchestrator("order", String.class, (context, order) -> {
			context.setCustomStatus("checking stock");
			context.callActivity("stock", order, Integer.class).await();
			throw new IllegalStateException("no stock for " + order);
		})).activity("stock", String.class, (order) -> 0);

		StepDriver.Instance instance = driver.start("order", "i-1", "o-1");

		assertThat(instance.status()).isEqualTo(OrchestrationStatus.FAILED);
		FailureDetails failure = instance.failure();
		assertThat(failure.errorType()).isEqualTo(IllegalStateException.class.getName());
		assertThat(failure.message()).isEqualTo("no stock for o-1");
		assertThat(failure.stackTrace()).contains(OrchestrationExecutorOutcomeTests.class.getName());
		assertThat(instance.customStatus()).isEqualTo("\"checking stock\"");
		assertReplays(driver.executor(), instance);
	}

	@Test
	void unknownOrchestratorFailsNamingTheKnownOnes() {
		StepDriver driver = StepDriver.of(orchestrator("greet", String.class, (context, in) -> in),
				orchestrator("pay", String.class, (context, in) -> in));

		StepDriver.Instance instance = driver.start("gret", "i-1", "x");

		assertThat(instance.status()).isEqualTo(OrchestrationStatus.FAILED);
		assertThat(instance.failure().errorType()).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(instance.failure().message())
			.isEqualTo("No orchestrator named 'gret'; known orchestrators: [greet, pay]");
	}

	@Test
	void undecodableInputFailsWithoutRunningTheCode() {
		AtomicInteger runs = new AtomicInteger();
		StepDriver driver = StepDriver.of(orchestrator("count", Integer.class, (context, n) -> {
			runs.incrementAndGet();
			return n + 1;
		}));

		StepDriver.Instance instance = driver.start("count", "i-1", "not a number");

		assertThat(runs).hasValue(0);
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.FAILED);
		assertThat(instance.failure().errorType()).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(instance.failure().message())
			.startsWith("Cannot decode the input of orchestrator 'count' as java.lang.Integer: ")
			.contains("'\"not a number\"'");
	}

	@Test
	void codeThatCatchesThrowableAroundAwaitStillWaits() {
		StepDriver driver = StepDriver.of(orchestrator("careless", String.class, (context, in) -> {
			String value;
			try {
				value = context.callActivity("echo", in, String.class).await();
			}
			catch (Throwable ex) { // breaks a determinism rule on purpose
				value = "swallowed " + ex.getClass().getSimpleName();
			}
			return value;
		})).activity("echo", (s) -> "echo " + s);

		StepDriver.Instance instance = driver.start("careless", "i-1", "x");

		ExecutionResult first = instance.steps().get(0).result();
		assertThat(first.completion()).as("the first step still waits").isNull();
		assertThat(first.actions()).singleElement().isInstanceOf(OrchestratorAction.ScheduleTask.class);
		assertThat(instance.output()).isEqualTo("\"echo x\"");
		assertReplays(driver.executor(), instance);
	}

	@Test
	void terminateEndsTheInstanceWithoutRunningTheCode() {
		AtomicInteger runs = new AtomicInteger();
		StepDriver driver = StepDriver.of(orchestrator("waiter", String.class, (context, in) -> {
			runs.incrementAndGet();
			return context.waitForExternalEvent("Go", String.class).await();
		}));

		StepDriver.Instance instance = driver.start("waiter", "i-1", "x");
		driver.terminate("i-1", "cancelled by operator");

		assertThat(runs).hasValue(1);
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.TERMINATED);
		assertThat(instance.output()).isEqualTo("\"cancelled by operator\"");
		assertThat(types(instance.history())).endsWith("OrchestratorStarted", "ExecutionTerminated",
				"ExecutionCompleted");
		assertReplays(driver.executor(), instance);
	}

	@Test
	void duplicateResultsForTheSameTaskAreIgnored() {
		StepDriver driver = StepDriver.of(orchestrator("twice", String.class, (context, in) -> {
			String a = context.callActivity("a", in, String.class).await();
			String go = context.waitForExternalEvent("Go", String.class).await();
			String b = context.callActivity("b", in, String.class).await();
			return a + "," + go + "," + b;
		})).activity("a", (s) -> "A").activity("b", (s) -> "B");

		StepDriver.Instance instance = driver.start("twice", "i-1", "x");
		driver.deliver("i-1", new HistoryEvent.TaskCompleted(driver.now(), 0, "\"duplicate\""),
				new HistoryEvent.TaskFailed(driver.now(), 0, new FailureDetails("java.lang.Error", "late failure", null)));
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.RUNNING);
		assertThat(instance.steps().get(instance.steps().size() - 1).result().actions()).isEmpty();
		driver.deliver("i-1", new HistoryEvent.EventRaised(driver.now(), "Go", "\"go\""),
				new HistoryEvent.TaskCompleted(driver.now(), 0, "\"duplicate again\""));

		assertThat(instance.output()).isEqualTo("\"A,go,B\"");
		assertThat(StepDriver.eventsOf(instance.history(), HistoryEvent.TaskCompleted.class)).hasSize(4);
		assertReplays(driver.executor(), instance);
	}

	@Test
	void undecodableResultOfATaskNotAwaitedFailsTheStepInsteadOfThrowing() {
		OrchestrationExecutor executor = StepDriver.of(orchestrator("ignores", String.class, (context, in) -> {
			context.waitForExternalEvent("Count", Integer.class); // never awaited
			return context.callActivity("a", in, String.class).await();
		})).executor();
		List<HistoryEvent> past = List.of(
				new HistoryEvent.ExecutionStarted(StepDriver.T0, "ignores", "i-1", "\"x\"", null),
				new HistoryEvent.OrchestratorStarted(StepDriver.T0),
				new HistoryEvent.TaskScheduled(StepDriver.T0, 0, "a", "\"x\""));
		List<HistoryEvent> step = List.of(new HistoryEvent.OrchestratorStarted(StepDriver.T0.plusSeconds(1)),
				new HistoryEvent.TaskCompleted(StepDriver.T0, 0, "\"done\""),
				new HistoryEvent.EventRaised(StepDriver.T0, "Count", "\"not a number\""));

		ExecutionResult result = executor.execute(past, step);

		assertThat(result.actions()).hasSize(1);
		assertThat(result.completion().status()).isEqualTo(OrchestrationStatus.FAILED);
		assertThat(result.completion().failure().errorType()).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(result.completion().failure().message())
			.startsWith("Cannot read '\"not a number\"' as java.lang.Integer");
	}

	@Test
	void callsNotAwaitedInTheLastStepAreStillScheduled() {
		StepDriver driver = StepDriver.of(orchestrator("notify", String.class, (context, in) -> {
			String order = context.callActivity("place", in, String.class).await();
			context.callActivity("notify", order, Void.class); // fire and forget
			return order;
		})).activity("place", (s) -> "order " + s).activity("notify", (s) -> null);

		StepDriver.Instance instance = driver.start("notify", "i-1", "x");

		assertThat(instance.output()).isEqualTo("\"order x\"");
		ExecutionResult last = instance.steps().get(instance.steps().size() - 1).result();
		assertThat(last.actions()).hasSize(2);
		assertThat(last.actions().get(0)).isEqualTo(new OrchestratorAction.ScheduleTask(1, "notify", "\"order x\""));
		assertThat(driver.calls("notify")).isEqualTo(1);
		assertThat(types(instance.history())).endsWith("TaskScheduled", "ExecutionCompleted");
		assertReplays(driver.executor(), instance);
		assertThat(List.of(last.completion().status())).containsExactly(OrchestrationStatus.COMPLETED);
	}

}
