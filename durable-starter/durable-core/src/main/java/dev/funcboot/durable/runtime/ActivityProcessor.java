package dev.funcboot.durable.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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

	/** One daemon thread renews the leases of every running activity of the process. */
	private static final ScheduledThreadPoolExecutor HEARTBEATS = heartbeats();

	private static final Logger logger = LoggerFactory.getLogger(ActivityProcessor.class);

	private final OrchestrationStore store;

	private final ActivityInvoker invoker;

	private final Clock clock;

	private final String worker;

	private final Duration lease;

	private static ScheduledThreadPoolExecutor heartbeats() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "funcboot-durable-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	public ActivityProcessor(OrchestrationStore store, ActivityInvoker invoker, Clock clock, String worker,
			Duration lease) {
		this.store = store;
		this.invoker = invoker;
		this.clock = clock;
		this.worker = worker;
		this.lease = lease;
	}

	/** Keeps the lease of a long activity, so no other worker takes it over while it runs. */
	private void renew(ActivityWorkItem item) {
		try {
			if (!this.store.renewActivityLease(item, this.clock.instant(), this.lease)) {
				logger.warn("Activity '{}' #{} of instance {} lost its lease while running; another worker may run it"
						+ " again", item.name(), item.taskId(), item.instanceId());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the lease of activity '{}' #{}", item.name(), item.taskId(), ex);
		}
	}

	/** Runs the next activity call; false when there was none. */
	public boolean processNext() {
		Optional<ActivityWorkItem> next = this.store.lockNextActivity(this.worker, this.clock.instant(), this.lease);
		if (next.isEmpty()) {
			return false;
		}
		ActivityWorkItem item = next.get();
		HistoryEvent result;
		ScheduledFuture<?> heartbeat = HEARTBEATS.scheduleAtFixedRate(() -> renew(item), this.lease.toMillis() / 3,
				this.lease.toMillis() / 3, TimeUnit.MILLISECONDS);
		try {
			String output = this.invoker.invoke(item.name(), item.input());
			result = new HistoryEvent.TaskCompleted(this.clock.instant(), item.taskId(), output);
		}
		catch (Exception | LinkageError | AssertionError ex) {
			logger.debug("Activity '{}' #{} of instance {} failed", item.name(), item.taskId(), item.instanceId(), ex);
			result = new HistoryEvent.TaskFailed(this.clock.instant(), item.taskId(), FailureDetails.of(ex));
		}
		finally {
			heartbeat.cancel(false);
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
