package dev.funcboot.durable.internal.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.funcboot.durable.OrchestrationContext;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;

import static dev.funcboot.durable.internal.replay.ReplayAssertions.assertReplays;
import static dev.funcboot.durable.internal.replay.StepDriver.eventsOf;
import static dev.funcboot.durable.internal.replay.StepDriver.orchestrator;
import static org.assertj.core.api.Assertions.assertThat;

/** continueAsNew, custom status, newUuid, currentInstant and isReplaying: live, then replayed. */
class OrchestrationExecutorContextTests {

	@Test
	void continueAsNewStartsANewExecutionWithTheNewInputAndCarriesUnconsumedEvents() {
		StepDriver driver = StepDriver.of(orchestrator("counter", Integer.class, (context, n) -> {
			if (n == 1) {
				context.createTimer(Duration.ofHours(1)).await();
				context.continueAsNew(n + 1);
				return null;
			}
			return "execution " + n + " got " + context.waitForExternalEvent("Note", String.class).await();
		}));

		StepDriver.Instance instance = driver.start("counter", "i-1", 1);
		driver.raiseEvent("i-1", "Note", "raised during execution 1");
		driver.advance(Duration.ofHours(1));

		assertThat(instance.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(instance.output()).isEqualTo("\"execution 2 got raised during execution 1\"");
		List<List<HistoryEvent>> executions = instance.executions();
		assertThat(executions).hasSize(2);
		List<HistoryEvent> first = executions.get(0);
		assertThat(first.get(first.size() - 1)).isInstanceOfSatisfying(HistoryEvent.ExecutionCompleted.class,
				(done) -> {
					assertThat(done.status()).isEqualTo(OrchestrationStatus.CONTINUED_AS_NEW);
					assertThat(done.result()).isEqualTo("2");
				});
		List<StepDriver.Step> firstSteps = instance.executionSteps().get(0);
		assertThat(firstSteps.get(firstSteps.size() - 1).result().completion().carryOverEvents()).singleElement()
			.satisfies((event) -> assertThat(event.input()).isEqualTo("\"raised during execution 1\""));
		List<HistoryEvent> second = executions.get(1);
		assertThat(second.get(0)).isInstanceOfSatisfying(HistoryEvent.ExecutionStarted.class,
				(started) -> assertThat(started.input()).isEqualTo("2"));
		assertThat(eventsOf(second, HistoryEvent.EventRaised.class)).hasSize(1);
		assertReplays(driver.executor(), instance);
	}

	@Test
	void setCustomStatusIsReportedByEveryStepAndKeptByReplay() {
		StepDriver driver = StepDriver.of(orchestrator("order", String.class, (context, order) -> {
			context.setCustomStatus(new Progress("reserving", 0));
			context.callActivity("reserve", order, String.class).await();
			context.setCustomStatus(new Progress("shipping", 1));
			context.callActivity("ship", order, String.class).await();
			context.setCustomStatus(new Progress("done", 2));
			return "ok";
		})).activity("reserve", (o) -> o).activity("ship", (o) -> o);

		StepDriver.Instance instance = driver.start("order", "i-1", "o-1");

		assertThat(instance.steps()).extracting((step) -> step.result().customStatus())
			.containsExactly("{\"stage\":\"reserving\",\"done\":0}", "{\"stage\":\"shipping\",\"done\":1}",
					"{\"stage\":\"done\",\"done\":2}");
		assertThat(instance.customStatus()).isEqualTo("{\"stage\":\"done\",\"done\":2}");
		assertReplays(driver.executor(), instance);
	}

	@Test
	void newUuidIsTheSameForTheSameCallInEveryReplayAndDiffersPerCallAndInstance() {
		List<List<UUID>> seenPerRun = new ArrayList<>();
		StepDriver driver = StepDriver.of(orchestrator("ids", String.class, (context, in) -> {
			List<UUID> seen = new ArrayList<>();
			seenPerRun.add(seen);
			seen.add(context.newUuid());
			seen.add(context.newUuid());
			context.callActivity("echo", in, String.class).await();
			seen.add(context.newUuid());
			return seen.stream().map(UUID::toString).toList();
		})).activity("echo", (s) -> s);

		StepDriver.Instance one = driver.start("ids", "i-1", "x");
		StepDriver.Instance two = driver.start("ids", "i-2", "x");

		List<UUID> firstStep = seenPerRun.get(0);
		List<UUID> secondStep = seenPerRun.get(1);
		assertThat(firstStep).hasSize(2).doesNotHaveDuplicates();
		assertThat(secondStep).hasSize(3).doesNotHaveDuplicates().startsWith(firstStep.get(0), firstStep.get(1));
		assertThat(one.output()).contains(secondStep.get(2).toString());
		assertThat(two.output()).as("another instance gets other ids").doesNotContain(firstStep.get(0).toString());
		assertReplays(driver.executor(), one);
		assertThat(seenPerRun.get(seenPerRun.size() - 1)).as("the full replay's ids").isEqualTo(secondStep);
	}

	@Test
	void currentInstantIsTheTimeOfTheStepThatMadeProgress() {
		StepDriver driver = StepDriver.of(orchestrator("clock", String.class, (context, in) -> {
			List<String> times = new ArrayList<>();
			times.add(context.currentInstant().toString());
			context.callActivity("echo", in, String.class).await();
			times.add(context.currentInstant().toString());
			context.createTimer(Duration.ofMinutes(5)).await();
			times.add(context.currentInstant().toString());
			return times;
		})).activity("echo", (s) -> s).stepTime(Duration.ofSeconds(7));

		StepDriver.Instance instance = driver.start("clock", "i-1", "x");
		driver.advance(Duration.ofMinutes(10));

		List<Instant> stepTimes = eventsOf(instance.history(), HistoryEvent.OrchestratorStarted.class).stream()
			.map(HistoryEvent::timestamp)
			.toList();
		assertThat(stepTimes).hasSize(3).doesNotHaveDuplicates();
		assertThat(instance.output()).isEqualTo("[\"" + stepTimes.get(0) + "\",\"" + stepTimes.get(1) + "\",\""
				+ stepTimes.get(2) + "\"]");
		assertThat(eventsOf(instance.history(), HistoryEvent.TimerCreated.class)).singleElement()
			.satisfies((timer) -> assertThat(timer.fireAt()).isEqualTo(stepTimes.get(1).plus(Duration.ofMinutes(5))));
		assertReplays(driver.executor(), instance);
	}

	@Test
	void isReplayingIsTrueForCodeThatRanInEarlierStepsAndFalseForNewWork() {
		List<String> logged = new ArrayList<>();
		List<Boolean> replayingAtStart = new ArrayList<>();
		StepDriver driver = StepDriver.of(orchestrator("audited", String.class, (context, in) -> {
			replayingAtStart.add(context.isReplaying());
			log(context, logged, "start");
			String a = context.callActivity("a", in, String.class).await();
			log(context, logged, "after a");
			String go = context.waitForExternalEvent("Go", String.class).await(); // a step without new calls
			log(context, logged, "after event");
			String b = context.callActivity("b", a + go, String.class).await();
			log(context, logged, "end");
			return b;
		})).activity("a", (s) -> s + "a").activity("b", (s) -> s + "b");

		StepDriver.Instance instance = driver.start("audited", "i-1", "x");
		driver.raiseEvent("i-1", "Go", "!");

		assertThat(instance.output()).isEqualTo("\"xa!b\"");
		assertThat(logged).as("each line once, live").containsExactly("start", "after a", "after event", "end");
		assertThat(replayingAtStart).containsExactly(false, true, true, true);

		logged.clear();
		StepDriver.Step eventStep = instance.steps().get(2);
		driver.executor().execute(eventStep.past(), eventStep.newEvents());
		assertThat(logged).as("the step that received the event, executed again").containsExactly("after event");

		logged.clear();
		List<HistoryEvent> history = instance.history();
		ExecutionResult replay = driver.executor().execute(history.subList(0, history.size() - 1), List.of());
		assertThat(replay.completion().result()).isEqualTo("\"xa!b\"");
		assertThat(logged).as("nothing logged by a full replay").isEmpty();
		assertReplays(driver.executor(), instance);
	}

	private static void log(OrchestrationContext context, List<String> logged, String line) {
		if (!context.isReplaying()) {
			logged.add(line);
		}
	}

	record Progress(String stage, int done) {
	}

}
