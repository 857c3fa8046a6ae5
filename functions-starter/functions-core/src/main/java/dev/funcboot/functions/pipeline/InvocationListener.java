package dev.funcboot.functions.pipeline;

/** Told about every finished attempt, for statistics and health. Must be fast and thread-safe. */
@FunctionalInterface
public interface InvocationListener {

	void onAttempt(InvocationResult result, long durationNanos);

}
