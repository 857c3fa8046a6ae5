package dev.funcboot.durable.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.funcboot.durable.history.HistoryEvent;

/**
 * Where instances, histories and work queues live. Implementations: in memory (tests), JDBC
 * (H2, PostgreSQL). Contract:
 * <ul>
 * <li>{@link #commitStep} is atomic: history, inbox, instance state, enqueued activities and
 * messages change together or not at all, and only while the step's lock is held.</li>
 * <li>Work is handed out under leases: an item whose lease expired is handed out again, so
 * activities are at-least-once and a dead worker's instances are taken over. Running activities
 * keep their lease with heartbeats ({@link #renewActivityLease}).</li>
 * <li>An instance is locked by at most one worker at a time; a suspended instance is handed out
 * only for lifecycle messages (resume, terminate).</li>
 * <li>Messages are handed out once visible ({@code visibleAt <= now}), oldest first.</li>
 * </ul>
 */
public interface OrchestrationStore {

	/**
	 * Creates an instance and enqueues its start.
	 * @return false when an instance with that id exists and has not ended
	 */
	boolean createInstance(InstanceState instance, HistoryEvent.ExecutionStarted started, Instant visibleAt);

	/** The instance, or {@code null}. */
	InstanceState getInstance(String instanceId);

	/** The recorded history of the current execution (empty for an unknown instance). */
	List<HistoryEvent> getHistory(String instanceId);

	/** Queues an event for the instance's next step. */
	void sendMessage(String instanceId, HistoryEvent event, Instant visibleAt);

	/** Locks the next instance with visible messages, if any. */
	Optional<OrchestrationWorkItem> lockNextOrchestration(String worker, Instant now, Duration lease);

	/**
	 * Commits a step atomically.
	 * @throws LeaseLostException when the lock was lost
	 */
	void commitStep(OrchestrationWorkItem item, StepCommit commit);

	/** Releases a lock without changes (the messages stay). */
	void abandonOrchestration(OrchestrationWorkItem item);

	/** Locks the next activity call, if any. */
	Optional<ActivityWorkItem> lockNextActivity(String worker, Instant now, Duration lease);

	/**
	 * Extends the lease of an activity call that is still running (the worker's heartbeat), so a
	 * long activity is not handed to another worker.
	 * @return false when the lease was already lost
	 */
	boolean renewActivityLease(ActivityWorkItem item, Instant now, Duration lease);

	/**
	 * Deletes the activity call and queues its result for the instance, atomically.
	 * @throws LeaseLostException when the lock was lost (the result is dropped; the call runs again)
	 */
	void completeActivity(ActivityWorkItem item, HistoryEvent result, Instant now);

	/** Instances matching the query, newest first. */
	List<InstanceState> query(InstanceQuery query);

	/** Deletes an ended instance and its history; false when unknown or still running. */
	boolean purge(String instanceId);

	/** The earliest time a message not yet visible becomes visible, or {@code null}. */
	Instant nextVisibleAt();

	/** How many instances have each status (statuses without instances are left out). */
	default java.util.Map<dev.funcboot.durable.OrchestrationStatus, Long> countByStatus() {
		java.util.Map<dev.funcboot.durable.OrchestrationStatus, Long> counts = new java.util.EnumMap<>(
				dev.funcboot.durable.OrchestrationStatus.class);
		String token = null;
		do {
			InstanceQuery page = new InstanceQuery(null, null, null, null, 1000, token);
			List<InstanceState> instances = query(page);
			for (InstanceState instance : instances) {
				counts.merge(instance.status(), 1L, Long::sum);
			}
			token = (instances.size() == 1000) ? String.valueOf(((token != null) ? Integer.parseInt(token) : 0) + 1000)
					: null;
		}
		while (token != null);
		return counts;
	}

}
