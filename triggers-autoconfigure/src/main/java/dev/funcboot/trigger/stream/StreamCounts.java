package dev.funcboot.trigger.stream;

import java.util.concurrent.atomic.AtomicLong;

/** How one function's messages ended: completed, retried, dead-lettered; and the last reason. */
final class StreamCounts {

	private final AtomicLong completed = new AtomicLong();

	private final AtomicLong retried = new AtomicLong();

	private final AtomicLong deadLettered = new AtomicLong();

	private final AtomicLong settlementFailures = new AtomicLong();

	private volatile String lastDeadLetterReason;

	void completed(int messages) {
		this.completed.addAndGet(messages);
	}

	void retried(int messages) {
		this.retried.addAndGet(messages);
	}

	void deadLettered(String reason) {
		this.deadLettered.incrementAndGet();
		this.lastDeadLetterReason = reason;
	}

	void settlementFailed() {
		this.settlementFailures.incrementAndGet();
	}

	long completedCount() {
		return this.completed.get();
	}

	long retriedCount() {
		return this.retried.get();
	}

	long deadLetteredCount() {
		return this.deadLettered.get();
	}

	long settlementFailureCount() {
		return this.settlementFailures.get();
	}

	String lastDeadLetterReason() {
		return this.lastDeadLetterReason;
	}

}
