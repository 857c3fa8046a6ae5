package dev.funcboot.durable.internal.replay;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.funcboot.durable.NonDeterministicOrchestrationException;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.json.JacksonDataConverter;

import static dev.funcboot.durable.internal.replay.StepDriver.orchestrator;
import static dev.funcboot.durable.internal.replay.StepDriver.types;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history recorded by one version of an orchestrator, replayed against changed code, must fail
 * the instance naming the first diverging history event and the expected and actual calls.
 */
class NonDeterminismTests {

	private static final String NON_DETERMINISTIC = NonDeterministicOrchestrationException.class.getName();

	/** a, a timer, b, c: recorded once, replayed against each change below. */
	private static final Orchestrator<String, String> ORIGINAL = (context, in) -> {
		String x = context.callActivity("a", in, String.class).await();
		context.createTimer(Duration.ofHours(1)).await();
		String y = context.callActivity("b", x, String.class).await();
		return context.callActivity("c", y, String.class).await();
	};

	private static final List<HistoryEvent> RECORDED = record(ORIGINAL,
			(driver) -> driver.advance(Duration.ofHours(1)));

	@Test
	void recordedHistoryHasTheShapeTheMessagesBelowReferTo() {
		assertThat(types(RECORDED)).containsExactly("ExecutionStarted", "OrchestratorStarted", "TaskScheduled",
				"OrchestratorStarted", "TaskCompleted", "TimerCreated", "OrchestratorStarted", "TimerFired",
				"TaskScheduled", "OrchestratorStarted", "TaskCompleted", "TaskScheduled", "OrchestratorStarted",
				"TaskCompleted", "ExecutionCompleted");
		assertThat(replay(RECORDED, ORIGINAL).completion().status()).isEqualTo(OrchestrationStatus.COMPLETED);
	}

	@Test
	void renamedActivity() {
		assertDiverges(RECORDED, (context, in) -> {
			String x = context.callActivity("validate", in, String.class).await();
			context.createTimer(Duration.ofHours(1)).await();
			String y = context.callActivity("b", x, String.class).await();
			return context.callActivity("c", y, String.class).await();
		}, "History event #2 TaskScheduled(taskId=0, name=a) was recorded for call #0, but the orchestrator now"
				+ " makes callActivity(\"validate\") as call #0 (expected callActivity(\"a\")).");
	}

	@Test
	void reorderedCalls() {
		assertDiverges(RECORDED, (context, in) -> {
			String x = context.callActivity("a", in, String.class).await();
			context.createTimer(Duration.ofHours(1)).await();
			String y = context.callActivity("c", x, String.class).await();
			return context.callActivity("b", y, String.class).await();
		}, "History event #8 TaskScheduled(taskId=2, name=b) was recorded for call #2, but the orchestrator now"
				+ " makes callActivity(\"c\") as call #2 (expected callActivity(\"b\")).");
	}

	@Test
	void timerReplacedByAnActivity() {
		assertDiverges(RECORDED, (context, in) -> {
			String x = context.callActivity("a", in, String.class).await();
			context.callActivity("wait", "1h", String.class).await();
			String y = context.callActivity("b", x, String.class).await();
			return context.callActivity("c", y, String.class).await();
		}, "History event #5 TimerCreated(taskId=1, fireAt=2024-05-01T10:00:01Z) was recorded for call #1, but the"
				+ " orchestrator now makes callActivity(\"wait\") as call #1 (expected createTimer(...)).");
	}

	@Test
	void removedActivityLetsTheCodeCompleteWhileTheHistoryHasMore() {
		assertDiverges(RECORDED, (context, in) -> {
			String x = context.callActivity("a", in, String.class).await();
			context.createTimer(Duration.ofHours(1)).await();
			return context.callActivity("b", x, String.class).await();
		}, "History event #11 TaskScheduled(taskId=3, name=c) has no matching call: the orchestrator now makes no"
				+ " call #3 at this point (expected callActivity(\"c\")).");
	}

	@Test
	void extraCallInsertedInTheMiddle() {
		assertDiverges(RECORDED, (context, in) -> {
			String x = context.callActivity("a", in, String.class).await();
			context.callActivity("audit", x, String.class).await();
			context.createTimer(Duration.ofHours(1)).await();
			String y = context.callActivity("b", x, String.class).await();
			return context.callActivity("c", y, String.class).await();
		}, "History event #5 TimerCreated(taskId=1, fireAt=2024-05-01T10:00:01Z) was recorded for call #1, but the"
				+ " orchestrator now makes callActivity(\"audit\") as call #1 (expected createTimer(...)).");
	}

	@Test
	void extraCallInsertedInAStepThatRecordedNoCalls() {
		List<HistoryEvent> recorded = record((context, in) -> {
			String x = context.callActivity("a", in, String.class).await();
			return x + context.waitForExternalEvent("Go", String.class).await();
		}, (driver) -> driver.raiseEvent("i-1", "Go", "!"));
		assertThat(types(recorded)).containsExactly("ExecutionStarted", "OrchestratorStarted", "TaskScheduled",
				"OrchestratorStarted", "TaskCompleted", "OrchestratorStarted", "EventRaised", "ExecutionCompleted");

		assertDiverges(recorded, (context, in) -> {
			String x = context.callActivity("a", in, String.class).await();
			context.callActivity("notify", x, Void.class); // not awaited: no later event would contradict it
			return x + context.waitForExternalEvent("Go", String.class).await();
		}, "History event #5 OrchestratorStarted begins a new step, but call #1 callActivity(\"notify\"), which the"
				+ " orchestrator now makes in the step before, is not recorded (expected no further call).");
	}

	@Test
	void divergenceIsDetectedInALiveStepAsWell() {
		Orchestrator<String, String> renamed = (context, in) -> {
			String x = context.callActivity("validate", in, String.class).await();
			context.createTimer(Duration.ofHours(1)).await();
			return x;
		};
		// the instance waits for its timer (events #0-#5); the timer fires in a step run by new code
		ExecutionResult result = executor(renamed).execute(RECORDED.subList(0, 6), RECORDED.subList(6, 8));

		assertThat(result.actions()).hasSize(1);
		assertThat(result.completion().status()).isEqualTo(OrchestrationStatus.FAILED);
		assertThat(result.completion().failure().errorType()).isEqualTo(NON_DETERMINISTIC);
		assertThat(result.completion().failure().message()).contains("History event #2 TaskScheduled(taskId=0, name=a)");
	}

	@Test
	void catchExceptionAroundAwaitDoesNotSwallowTheDetection() {
		assertDiverges(RECORDED, (context, in) -> {
			try {
				return context.callActivity("validate", in, String.class).await();
			}
			catch (Exception ex) {
				return "handled " + ex;
			}
		}, "History event #2 TaskScheduled(taskId=0, name=a) was recorded for call #0");
	}

	@Test
	void catchThrowableAroundAwaitDoesNotSwallowTheDetectionEither() {
		assertDiverges(RECORDED, (context, in) -> {
			try {
				return context.callActivity("validate", in, String.class).await();
			}
			catch (Throwable ex) {
				return "handled " + ex;
			}
		}, "History event #2 TaskScheduled(taskId=0, name=a) was recorded for call #0");
	}

	private static void assertDiverges(List<HistoryEvent> recorded, Orchestrator<String, String> changed,
			String message) {
		ExecutionResult result = replay(recorded, changed);

		assertThat(result.actions()).as("only the failure, no new calls").hasSize(1);
		OrchestratorAction.CompleteOrchestration done = result.completion();
		assertThat(done.status()).isEqualTo(OrchestrationStatus.FAILED);
		assertThat(done.failure().errorType()).isEqualTo(NON_DETERMINISTIC);
		assertThat(done.failure().message())
			.startsWith("Non-deterministic orchestration 'shipping' (instance i-1): ")
			.contains(message);
	}

	/** The whole recorded history but its final completion, replayed in one call. */
	private static ExecutionResult replay(List<HistoryEvent> recorded, Orchestrator<String, String> code) {
		return executor(code).execute(recorded.subList(0, recorded.size() - 1), List.of());
	}

	private static OrchestrationExecutor executor(Orchestrator<String, String> code) {
		return new OrchestrationExecutor(OrchestratorCatalog.of(List.of(orchestrator("shipping", String.class, code))),
				new JacksonDataConverter());
	}

	private static List<HistoryEvent> record(Orchestrator<String, String> code, Consumer<StepDriver> scenario) {
		StepDriver driver = StepDriver.of(orchestrator("shipping", String.class, code))
			.activity("a", (s) -> s + "a")
			.activity("b", (s) -> s + "b")
			.activity("c", (s) -> s + "c");
		StepDriver.Instance instance = driver.start("shipping", "i-1", "x");
		scenario.accept(driver);
		assertThat(instance.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		return instance.history();
	}

}
