package dev.funcboot.trigger.storagequeue.binder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the messages of one consumer binding ended: completed (deleted after success), retried
 * (made visible again), dead-lettered (moved to the poison queue), plus settlements that failed
 * (the message then returns when its lease expires). Thread-safe; kept by the binder per queue and
 * group, so the counts survive unbinding and binding again. The blob trigger counts its blob
 * versions in one per function.
 */
public final class SettlementCounts {

	private final LongAdder completed = new LongAdder();

	private final LongAdder retried = new LongAdder();

	private final LongAdder deadLettered = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private volatile String lastDeadLetterReason;

	public void completed() {
		this.completed.increment();
	}

	public void retried() {
		this.retried.increment();
	}

	public void deadLettered(String reason) {
		this.deadLettered.increment();
		this.lastDeadLetterReason = reason;
	}

	public void settlementFailed() {
		this.failed.increment();
	}

	public long completedCount() {
		return this.completed.sum();
	}

	public long retriedCount() {
		return this.retried.sum();
	}

	public long deadLetteredCount() {
		return this.deadLettered.sum();
	}

	public long settlementFailureCount() {
		return this.failed.sum();
	}

	/** Why the last message went to the poison queue, or {@code null}. */
	public String lastDeadLetterReason() {
		return this.lastDeadLetterReason;
	}

	/** The counts as the Actuator endpoint shows every message trigger's {@code messages}. */
	public Map<String, Object> describe() {
		Map<String, Object> messages = new LinkedHashMap<>();
		messages.put("completed", completedCount());
		messages.put("retried", retriedCount());
		messages.put("deadLettered", deadLetteredCount());
		messages.put("settlementFailures", settlementFailureCount());
		return messages;
	}

}
