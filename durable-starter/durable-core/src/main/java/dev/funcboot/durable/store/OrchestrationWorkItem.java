package dev.funcboot.durable.store;

import java.time.Instant;
import java.util.List;

import dev.funcboot.durable.history.HistoryEvent;

/**
 * An instance locked by one worker for one step.
 *
 * @param history its recorded history
 * @param messages the visible inbox messages, oldest first
 * @param lockToken proves the lock when committing
 * @param lockedUntil when the lock expires and another worker may take the instance
 */
public record OrchestrationWorkItem(InstanceState instance, List<HistoryEvent> history, List<InboxMessage> messages,
		String lockToken, Instant lockedUntil) {

	public String instanceId() {
		return this.instance.instanceId();
	}

}
