package dev.funcboot.durable;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an {@link Orchestrator} may do. Every method is deterministic under replay; see the
 * rules on {@link Orchestrator}. Not thread-safe: use it only from the orchestrator's thread.
 */
public interface OrchestrationContext {

	/** The instance id. */
	String instanceId();

	/** The orchestrator's name. */
	String name();

	/** Calls an activity (a function bean) by name; at-least-once. */
	default <T> Task<T> callActivity(String name, Object input, Class<T> resultType) {
		return callActivity(name, input, (Type) resultType, TaskOptions.NONE);
	}

	/** Calls an activity with options (retry policy). */
	default <T> Task<T> callActivity(String name, Object input, Class<T> resultType, TaskOptions options) {
		return callActivity(name, input, (Type) resultType, options);
	}

	/** Calls an activity whose result has a generic type ({@code List<Item>}). */
	<T> Task<T> callActivity(String name, Object input, Type resultType, TaskOptions options);

	/** Starts a sub-orchestration with a deterministic instance id and waits for its output. */
	default <T> Task<T> callSubOrchestrator(String name, Object input, Class<T> resultType) {
		return callSubOrchestrator(name, input, null, (Type) resultType, TaskOptions.NONE);
	}

	/** Starts a sub-orchestration with options (retry policy). */
	default <T> Task<T> callSubOrchestrator(String name, Object input, String instanceId, Class<T> resultType,
			TaskOptions options) {
		return callSubOrchestrator(name, input, instanceId, (Type) resultType, options);
	}

	/**
	 * Starts a sub-orchestration.
	 * @param instanceId its instance id, or {@code null} for one derived from this instance
	 */
	<T> Task<T> callSubOrchestrator(String name, Object input, String instanceId, Type resultType,
			TaskOptions options);

	/** A durable timer that completes after the duration (measured from {@link #currentInstant()}). */
	default Task<Void> createTimer(Duration delay) {
		return createTimer(currentInstant().plus(delay));
	}

	/** A durable timer that completes at the instant. */
	Task<Void> createTimer(Instant fireAt);

	/** Waits for an event raised on this instance, as long as it takes. */
	default <T> Task<T> waitForExternalEvent(String name, Class<T> type) {
		return waitForExternalEvent(name, null, (Type) type);
	}

	/** Waits for an event raised on this instance, failing with {@link TaskTimedOutException} after the timeout. */
	default <T> Task<T> waitForExternalEvent(String name, Duration timeout, Class<T> type) {
		return waitForExternalEvent(name, timeout, (Type) type);
	}

	/**
	 * Waits for an event raised on this instance; events raised before the wait are buffered.
	 * @param timeout how long to wait, or {@code null} for ever; on expiry the task fails with
	 * {@link TaskTimedOutException}
	 */
	<T> Task<T> waitForExternalEvent(String name, Duration timeout, Type type);

	/** Completes when all tasks completed; fails with the first failure in list order. */
	<T> Task<List<T>> allOf(List<? extends Task<T>> tasks);

	/** Completes with the first task that completes. */
	Task<Task<?>> anyOf(List<? extends Task<?>> tasks);

	/** Restarts this instance with a new input and an empty history, once this step ends. */
	void continueAsNew(Object input);

	/** A status visible to clients while the instance runs (JSON-serializable). */
	void setCustomStatus(Object status);

	/** A deterministic UUID: the same for the same call in every replay. */
	UUID newUuid();

	/** The deterministic current time: when this step of the orchestration started. */
	Instant currentInstant();

	/** Whether the code is re-executing steps already recorded in the history. */
	boolean isReplaying();

}
