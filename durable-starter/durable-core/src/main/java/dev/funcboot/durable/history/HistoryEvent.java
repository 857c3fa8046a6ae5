package dev.funcboot.durable.history;

import java.time.Instant;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;

/**
 * One entry of an instance's append-only history. Payloads ({@code input}, {@code result}) are
 * the {@link dev.funcboot.durable.DataConverter}'s text; {@code taskId} is the sequence number
 * of the call in the orchestrator's code, which is how replay matches events to calls.
 */
public sealed interface HistoryEvent {

	/** When the event was recorded. */
	Instant timestamp();

	/** The first event of every execution. */
	record ExecutionStarted(Instant timestamp, String name, String instanceId, String input,
			ParentInstance parent) implements HistoryEvent {
	}

	/** The parent of a sub-orchestration. */
	record ParentInstance(String instanceId, String name, int taskId) {
	}

	/** Starts each step; its timestamp is the orchestration's {@code currentInstant()}. */
	record OrchestratorStarted(Instant timestamp) implements HistoryEvent {
	}

	record TaskScheduled(Instant timestamp, int taskId, String name, String input) implements HistoryEvent {
	}

	record TaskCompleted(Instant timestamp, int taskId, String result) implements HistoryEvent {
	}

	record TaskFailed(Instant timestamp, int taskId, FailureDetails failure) implements HistoryEvent {
	}

	record SubOrchestrationCreated(Instant timestamp, int taskId, String name, String instanceId, String input)
			implements HistoryEvent {
	}

	record SubOrchestrationCompleted(Instant timestamp, int taskId, String result) implements HistoryEvent {
	}

	record SubOrchestrationFailed(Instant timestamp, int taskId, FailureDetails failure) implements HistoryEvent {
	}

	record TimerCreated(Instant timestamp, int taskId, Instant fireAt) implements HistoryEvent {
	}

	record TimerFired(Instant timestamp, int taskId, Instant fireAt) implements HistoryEvent {
	}

	/** An external event raised on the instance. */
	record EventRaised(Instant timestamp, String name, String input) implements HistoryEvent {
	}

	record ExecutionSuspended(Instant timestamp, String reason) implements HistoryEvent {
	}

	record ExecutionResumed(Instant timestamp, String reason) implements HistoryEvent {
	}

	record ExecutionTerminated(Instant timestamp, String reason) implements HistoryEvent {
	}

	/**
	 * The last event of an execution: {@code COMPLETED} with the output, {@code FAILED} with
	 * the failure, {@code TERMINATED}, or {@code CONTINUED_AS_NEW} with the next input.
	 */
	record ExecutionCompleted(Instant timestamp, OrchestrationStatus status, String result, FailureDetails failure)
			implements HistoryEvent {
	}

}
