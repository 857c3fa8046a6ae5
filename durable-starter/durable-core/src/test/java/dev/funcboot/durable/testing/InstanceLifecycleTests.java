package dev.funcboot.durable.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.TaskFailedException;
import dev.funcboot.durable.TaskOptions;
import dev.funcboot.durable.TaskRetryPolicy;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.json.JacksonDataConverter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statuses as Durable Functions users know them, through the real processors and the in-memory
 * store: Pending, Running, Completed, Failed, Terminated, Suspended, ContinuedAsNew.
 */
class InstanceLifecycleTests {

	final AtomicInteger flaky = new AtomicInteger();

	DurableTestKit kit() {
		Orchestrator<Integer, Integer> waitThenAdd = (ctx, n) -> {
			ctx.createTimer(Duration.ofHours(1)).await();
			return ctx.callActivity("add", n, Integer.class).await();
		};
		Orchestrator<Integer, Integer> parent = (ctx, n) -> {
			int a = ctx.callSubOrchestrator("child", n, Integer.class).await();
			int b = ctx.callSubOrchestrator("child", a, Integer.class).await();
			return b;
		};
		Orchestrator<Integer, Integer> child = (ctx, n) -> ctx.callActivity("add", n, Integer.class).await();
		Orchestrator<Integer, Integer> counter = (ctx, n) -> {
			if (n >= 3) {
				return n;
			}
			ctx.createTimer(Duration.ofMinutes(1)).await();
			ctx.continueAsNew(n + 1);
			return null;
		};
		Orchestrator<String, String> failing = (ctx, in) -> {
			throw new IllegalStateException("bad input " + in);
		};
		Orchestrator<String, String> retrying = (ctx, in) -> ctx
			.callActivity("flaky", in, String.class,
					TaskOptions.withRetry(new TaskRetryPolicy(4, Duration.ofSeconds(10), 2.0, null, null)))
			.await();
		Orchestrator<String, String> giveUp = (ctx, in) -> {
			try {
				return ctx
					.callActivity("alwaysFails", in, String.class,
							TaskOptions.withRetry(TaskRetryPolicy.of(2, Duration.ofSeconds(5))))
					.await();
			}
			catch (TaskFailedException ex) {
				return "gave up: " + ex.getFailure().message();
			}
		};
		return DurableTestKit.builder(new JacksonDataConverter())
			.orchestrator("waitThenAdd", waitThenAdd)
			.orchestrator("parent", parent)
			.orchestrator("child", child)
			.orchestrator("counter", counter)
			.orchestrator("failing", failing)
			.orchestrator("retrying", retrying)
			.orchestrator("giveUp", giveUp)
			.activity("add", Integer.class, (Integer n) -> n + 10)
			.activity("flaky", String.class, (String s) -> {
				if (this.flaky.incrementAndGet() < 3) {
					throw new IllegalStateException("flaky " + this.flaky.get());
				}
				return s + " on attempt " + this.flaky.get();
			})
			.activity("alwaysFails", String.class, (String s) -> {
				throw new IllegalArgumentException("never " + s);
			})
			.build();
	}

	@Test
	void pendingUntilItsStartTimeThenRunningThenCompleted() {
		DurableTestKit kit = kit();
		String id = kit.client()
			.scheduleNewOrchestration("waitThenAdd", 1, "fixed-id", kit.clock().instant().plus(Duration.ofMinutes(5)));
		kit.runUntilIdle();
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.PENDING);
		kit.advance(Duration.ofMinutes(5));
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.RUNNING);
		kit.advance(Duration.ofHours(1));
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(kit.instance(id).<Integer>readOutputAs(Integer.class)).isEqualTo(11);
		assertThat(kit.instance(id).serializedInput()).isEqualTo("1");
	}

	@Test
	void aRunningInstanceIdCannotBeReused() {
		DurableTestKit kit = kit();
		kit.client().scheduleNewOrchestration("waitThenAdd", 1, "same", null);
		kit.runUntilIdle();
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> kit.client().scheduleNewOrchestration("waitThenAdd", 1, "same", null)))
			.hasMessageContaining("already exists");
	}

	@Test
	void subOrchestrationsReturnTheirOutputToTheParent() {
		DurableTestKit kit = kit();
		String id = kit.client().scheduleNewOrchestration("parent", 1);
		kit.runUntilIdle();
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(kit.instance(id).<Integer>readOutputAs(Integer.class)).isEqualTo(21);
		assertThat(kit.instance(id + ":0").status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(kit.instance(id + ":1").<Integer>readOutputAs(Integer.class)).isEqualTo(21);
	}

	@Test
	void continueAsNewRestartsWithAFreshHistory() {
		DurableTestKit kit = kit();
		String id = kit.client().scheduleNewOrchestration("counter", 0);
		kit.runUntilIdle();
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.RUNNING);
		kit.advance(Duration.ofMinutes(1));
		// the new execution starts on its own step: the instance says ContinuedAsNew until then
		assertThat(kit.instance(id).status()).isIn(OrchestrationStatus.RUNNING, OrchestrationStatus.CONTINUED_AS_NEW);
		kit.advance(Duration.ofMinutes(5));
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(kit.instance(id).<Integer>readOutputAs(Integer.class)).isEqualTo(3);
		List<HistoryEvent> history = kit.history(id);
		assertThat(history.get(0)).isInstanceOfSatisfying(HistoryEvent.ExecutionStarted.class,
				(started) -> assertThat(started.input()).isEqualTo("3"));
		assertThat(history).filteredOn(HistoryEvent.TimerCreated.class::isInstance).isEmpty();
	}

	@Test
	void failedWithFailureDetails() {
		DurableTestKit kit = kit();
		String id = kit.client().scheduleNewOrchestration("failing", "x");
		kit.runUntilIdle();
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.FAILED);
		assertThat(kit.instance(id).failure().errorType()).isEqualTo(IllegalStateException.class.getName());
		assertThat(kit.instance(id).failure().message()).isEqualTo("bad input x");
		assertThat(kit.instance(id).failure().stackTrace()).contains("InstanceLifecycleTests");
	}

	@Test
	void terminatedWhileWaiting() {
		DurableTestKit kit = kit();
		String id = kit.client().scheduleNewOrchestration("waitThenAdd", 1);
		kit.runUntilIdle();
		kit.client().terminate(id, "operator said so");
		kit.runUntilIdle();
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.TERMINATED);
		kit.advance(Duration.ofHours(2));
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.TERMINATED);
		assertThat(kit.pendingActivities()).isZero();
	}

	@Test
	void suspendedInstancesHoldTheirEventsUntilResumed() {
		DurableTestKit kit = kit();
		String id = kit.client().scheduleNewOrchestration("waitThenAdd", 5);
		kit.runUntilIdle();
		kit.client().suspend(id, "maintenance");
		kit.runUntilIdle();
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.SUSPENDED);
		kit.clock().advance(Duration.ofHours(2));
		kit.runUntilIdle();
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.SUSPENDED);
		kit.client().resume(id, "done");
		kit.runUntilIdle();
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(kit.instance(id).<Integer>readOutputAs(Integer.class)).isEqualTo(15);
		assertThat(kit.history(id)).filteredOn(HistoryEvent.ExecutionSuspended.class::isInstance).hasSize(1);
		assertThat(kit.history(id)).filteredOn(HistoryEvent.ExecutionResumed.class::isInstance).hasSize(1);
	}

	@Test
	void activityRetriesWaitOnDurableTimersWithBackoff() {
		DurableTestKit kit = kit();
		String id = kit.client().scheduleNewOrchestration("retrying", "job");
		kit.runUntilIdle();
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.RUNNING);
		kit.advance(Duration.ofSeconds(10));
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.RUNNING);
		kit.advance(Duration.ofSeconds(20));
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(kit.instance(id).<String>readOutputAs(String.class)).isEqualTo("job on attempt 3");
		List<java.time.Instant> fireTimes = new ArrayList<>();
		kit.history(id).stream().filter(HistoryEvent.TimerCreated.class::isInstance)
			.map(HistoryEvent.TimerCreated.class::cast).forEach((timer) -> fireTimes.add(timer.fireAt()));
		java.time.Instant start = DurableTestKitStart.START;
		assertThat(fireTimes).containsExactly(start.plusSeconds(10), start.plusSeconds(30));
	}

	@Test
	void retriesGiveUpAfterMaxAttempts() {
		DurableTestKit kit = kit();
		String id = kit.client().scheduleNewOrchestration("giveUp", "x");
		kit.advance(Duration.ofMinutes(1));
		assertThat(kit.instance(id).<String>readOutputAs(String.class)).isEqualTo("gave up: never x");
		assertThat(kit.history(id)).filteredOn(HistoryEvent.TaskFailed.class::isInstance).hasSize(2);
	}

	static final class DurableTestKitStart {

		static final java.time.Instant START = java.time.Instant.parse("2026-01-01T00:00:00Z");

	}

}
