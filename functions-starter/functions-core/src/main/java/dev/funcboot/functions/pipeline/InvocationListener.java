package dev.funcboot.functions.pipeline;

import dev.funcboot.functions.InvocationContext;

/**
 * Told about every attempt, for statistics, metrics and health. Must be fast and thread-safe: it
 * runs on the invoking thread, for every message.
 */
@FunctionalInterface
public interface InvocationListener {

	/**
	 * An attempt starts (it passed the concurrency limit). Every started attempt ends with
	 * {@link #onAttempt}; a rejected one only gets {@link #onAttempt}.
	 */
	default void onStart(InvocationContext context) {
	}

	/** An attempt ended, or was rejected by the concurrency limit ({@link InvocationOutcome#REJECTED}). */
	void onAttempt(InvocationResult result, long durationNanos);

}
