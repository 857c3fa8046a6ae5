package dev.funcboot.durable.store;

import java.time.Instant;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;

/**
 * What a store keeps about an instance besides its history. Payloads are the data converter's
 * text.
 *
 * @param parent the parent of a sub-orchestration, or {@code null}
 */
public record InstanceState(String instanceId, String name, OrchestrationStatus status, String input, String output,
		String customStatus, FailureDetails failure, Instant createdAt, Instant lastUpdatedAt,
		HistoryEvent.ParentInstance parent) {

	public InstanceState withStatus(OrchestrationStatus status, Instant now) {
		return new InstanceState(this.instanceId, this.name, status, this.input, this.output, this.customStatus,
				this.failure, this.createdAt, now, this.parent);
	}

}
