package dev.funcboot.durable.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.store.ActivityWorkItem;
import dev.funcboot.durable.store.LeaseLostException;
import dev.funcboot.durable.store.OrchestrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one activity call from the store, runs it, and queues its result for the instance.
 * At-least-once: a call whose worker dies runs again after the lease expires.
 */
public final class ActivityProcessor {

	private static final Logger logger = LoggerFactory.getLogger(ActivityProcessor.class);

	private final OrchestrationStore store;

	private final ActivityInvoker invoker;

	private final Clock clock;

	private final String worker;

	private final Duration lease;

	public ActivityProcessor(OrchestrationStore store, ActivityInvoker invoker, Clock clock, String worker,
			Duration lease) {
		this.store = store;
		this.invoker = invoker;
		this.clock = clock;
		this.worker = worker;
		this.lease = lease;
	}

	/** Runs the next activity call; false when there was none. */
	public boolean processNext() {
		Optional<ActivityWorkItem> next = this.store.lockNextActivity(this.worker, this.clock.instant(), this.lease);
		if (next.isEmpty()) {
			return false;
		}
		ActivityWorkItem item = next.get();
		HistoryEvent result;
		try {
			String output = this.invoker.invoke(item.name(), item.input());
			result = new HistoryEvent.TaskCompleted(this.clock.instant(), item.taskId(), output);
		}
		catch (Exception | LinkageError | AssertionError ex) {
			logger.debug("Activity '{}' #{} of instance {} failed", item.name(), item.taskId(), item.instanceId(), ex);
			result = new HistoryEvent.TaskFailed(this.clock.instant(), item.taskId(), FailureDetails.of(ex));
		}
		try {
			this.store.completeActivity(item, result, this.clock.instant());
		}
		catch (LeaseLostException ex) {
			logger.warn("Activity '{}' #{} of instance {} outlived its lease; its result is dropped and the call"
					+ " runs again", item.name(), item.taskId(), item.instanceId());
		}
		return true;
	}

}
