package dev.funcboot.durable.internal.replay;

import java.time.Instant;
import java.util.List;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;

/** What one step of an orchestration asks the runtime to do. */
public sealed interface OrchestratorAction {

	/** The history event that records this action, stamped {@code now}. */
	HistoryEvent toEvent(Instant now);

	record ScheduleTask(int taskId, String name, String input) implements OrchestratorAction {

		@Override
		public HistoryEvent toEvent(Instant now) {
			return new HistoryEvent.TaskScheduled(now, this.taskId, this.name, this.input);
		}

	}

	record CreateTimer(int taskId, Instant fireAt) implements OrchestratorAction {

		@Override
		public HistoryEvent toEvent(Instant now) {
			return new HistoryEvent.TimerCreated(now, this.taskId, this.fireAt);
		}

	}

	record CreateSubOrchestration(int taskId, String name, String instanceId, String input)
			implements OrchestratorAction {

		@Override
		public HistoryEvent toEvent(Instant now) {
			return new HistoryEvent.SubOrchestrationCreated(now, this.taskId, this.name, this.instanceId, this.input);
		}

	}

	/**
	 * Ends the execution.
	 * @param result the output, or the next input for {@code CONTINUED_AS_NEW}
	 * @param carryOverEvents external events not consumed yet, for the next execution
	 */
	record CompleteOrchestration(OrchestrationStatus status, String result, FailureDetails failure,
			List<HistoryEvent.EventRaised> carryOverEvents) implements OrchestratorAction {

		@Override
		public HistoryEvent toEvent(Instant now) {
			return new HistoryEvent.ExecutionCompleted(now, this.status, this.result, this.failure);
		}

	}

}
