package dev.funcboot.durable.internal.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.funcboot.durable.history.HistoryEvent;

/**
 * The outcome of one step.
 *
 * @param actions new actions in call order; a {@link OrchestratorAction.CompleteOrchestration}
 * comes last when the execution ended
 * @param customStatus the latest custom status (text), or {@code null} when never set
 */
public record ExecutionResult(List<OrchestratorAction> actions, String customStatus) {

	public ExecutionResult {
		actions = List.copyOf(actions);
	}

	/** The completion action, or {@code null} while the orchestration waits. */
	public OrchestratorAction.CompleteOrchestration completion() {
		if (!this.actions.isEmpty()
				&& this.actions.get(this.actions.size() - 1) instanceof OrchestratorAction.CompleteOrchestration done) {
			return done;
		}
		return null;
	}

	/** The history events recording these actions, stamped {@code now}, in order. */
	public List<HistoryEvent> toEvents(Instant now) {
		List<HistoryEvent> events = new ArrayList<>(this.actions.size());
		for (OrchestratorAction action : this.actions) {
			events.add(action.toEvent(now));
		}
		return events;
	}

}
