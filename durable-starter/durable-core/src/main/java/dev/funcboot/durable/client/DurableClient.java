package dev.funcboot.durable.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.funcboot.durable.history.HistoryEvent;

/** Starts and manages orchestration instances. Thread-safe. */
public interface DurableClient {

	/** Schedules a new instance with a generated id; returns the id. */
	default String scheduleNewOrchestration(String name, Object input) {
		return scheduleNewOrchestration(name, input, null, null);
	}

	/**
	 * Schedules a new instance.
	 * @param instanceId the id, or {@code null} to generate one
	 * @param startAt when to start, or {@code null} for now
	 * @throws IllegalArgumentException for an unknown orchestrator, or an id in use by a running instance
	 */
	String scheduleNewOrchestration(String name, Object input, String instanceId, Instant startAt);

	/** The instance, or {@code null} when unknown. */
	OrchestrationMetadata getInstance(String instanceId);

	/** The current execution's history. */
	List<HistoryEvent> getHistory(String instanceId);

	/**
	 * Raises an external event on an instance.
	 * @throws IllegalArgumentException when the instance is unknown
	 */
	void raiseEvent(String instanceId, String eventName, Object payload);

	void terminate(String instanceId, String reason);

	void suspend(String instanceId, String reason);

	void resume(String instanceId, String reason);

	/** Deletes an ended instance; false when unknown or still running. */
	boolean purge(String instanceId);

	/** One page of instances matching the query, newest first. */
	InstancePage query(dev.funcboot.durable.store.InstanceQuery query);

	/**
	 * Waits until the instance ends or the timeout passes; returns its last known state.
	 * Blocks the calling thread (polls the store).
	 */
	OrchestrationMetadata waitForCompletion(String instanceId, Duration timeout) throws InterruptedException;

}
