package dev.funcboot.trigger.storagequeue.binder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.cloud.stream.binder.DefaultBinding;
import org.springframework.messaging.MessageChannel;

/** A bound queue consumer, with its live state for Actuator endpoints. */
public final class StorageQueueConsumerBinding extends DefaultBinding<MessageChannel> {

	private final QueuePoller poller;

	private final SettlementCounts counts;

	StorageQueueConsumerBinding(String queue, String group, MessageChannel target, QueuePoller poller,
			SettlementCounts counts) {
		super(queue, group, target, poller);
		this.poller = poller;
		this.counts = counts;
	}

	/**
	 * Starts polling. Unlike other binders' anonymous (group-less) bindings, which cannot be bound
	 * again, a queue consumer always can: every consumer of a queue competes for its messages, with
	 * or without a group.
	 */
	@Override
	public synchronized void start() {
		this.poller.start();
	}

	/** How this binding's messages ended, since the binder first bound this queue and group. */
	public SettlementCounts counts() {
		return this.counts;
	}

	/** Messages a handler is working on now. */
	public int inFlight() {
		return this.poller.inFlight();
	}

	/** The wait before the next poll: zero while busy, growing while the queue is empty. */
	public Duration pollingInterval() {
		return this.poller.currentPollingInterval();
	}

	/** Why the last poll failed, or {@code null} when it succeeded. */
	public String lastPollError() {
		return this.poller.lastPollError();
	}

	@Override
	public boolean isInput() {
		return true;
	}

	@Override
	public Map<String, Object> getExtendedInfo() {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("completed", this.counts.completedCount());
		info.put("retried", this.counts.retriedCount());
		info.put("deadLettered", this.counts.deadLetteredCount());
		info.put("settlementFailures", this.counts.settlementFailureCount());
		info.put("inFlight", inFlight());
		info.put("pollingInterval", pollingInterval().toString());
		info.put("lastPollError", lastPollError());
		return info;
	}

}
