package dev.funcboot.durable.internal.replay;

import java.util.ArrayList;
import java.util.List;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** The second half of every executor test: what ran live must replay to the same result. */
final class ReplayAssertions {

	private ReplayAssertions() {
	}

	/**
	 * Re-executes each recorded step from its inputs, then each execution's whole history in one
	 * call with no new events: an ended execution must end the same way with no other action, a
	 * waiting one must still wait with no action.
	 */
	static void assertReplays(OrchestrationExecutor executor, StepDriver.Instance instance) {
		List<List<HistoryEvent>> executions = instance.executions();
		List<List<StepDriver.Step>> steps = instance.executionSteps();
		for (int e = 0; e < executions.size(); e++) {
			String execution = "instance " + instance.id() + ", execution " + (e + 1) + " of " + executions.size();
			List<StepDriver.Step> recorded = steps.get(e);
			assertThat(recorded).as("%s has steps", execution).isNotEmpty();
			for (int s = 0; s < recorded.size(); s++) {
				StepDriver.Step step = recorded.get(s);
				assertThat(comparable(executor.execute(step.past(), step.newEvents())))
					.as("%s, step %d executed again", execution, s + 1)
					.isEqualTo(comparable(step.result()));
			}
			ExecutionResult last = recorded.get(recorded.size() - 1).result();
			List<HistoryEvent> history = executions.get(e);
			HistoryEvent end = history.get(history.size() - 1);
			if (end instanceof HistoryEvent.ExecutionCompleted completed) {
				if (completed.status() == OrchestrationStatus.TERMINATED) {
					continue; // termination is an input of its step, replayed above
				}
				ExecutionResult replay = executor.execute(history.subList(0, history.size() - 1), List.of());
				assertThat(comparable(replay).actions()).as("%s replayed in one call", execution)
					.containsExactly(comparable(last).completion());
				assertThat(replay.customStatus()).as("%s replayed custom status", execution)
					.isEqualTo(last.customStatus());
			}
			else {
				ExecutionResult replay = executor.execute(history, List.of());
				assertThat(replay.actions()).as("%s replayed in one call while it waits", execution).isEmpty();
				assertThat(replay.customStatus()).isEqualTo(last.customStatus());
			}
		}
	}

	/** The result without stack traces, which depend on who called the executor. */
	static ExecutionResult comparable(ExecutionResult result) {
		List<OrchestratorAction> actions = new ArrayList<>();
		for (OrchestratorAction action : result.actions()) {
			if (action instanceof OrchestratorAction.CompleteOrchestration done && done.failure() != null) {
				FailureDetails failure = done.failure();
				action = new OrchestratorAction.CompleteOrchestration(done.status(), done.result(),
						new FailureDetails(failure.errorType(), failure.message(), null), done.carryOverEvents());
			}
			actions.add(action);
		}
		return new ExecutionResult(actions, result.customStatus());
	}

}
