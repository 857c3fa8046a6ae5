package dev.funcboot.durable;

/**
 * The result of a durable call (activity, timer, external event, sub-orchestration). Only
 * {@link #await()} it from the orchestrator's own code.
 *
 * @param <T> the result type
 */
public interface Task<T> {

	/**
	 * The result, replayed from history when it is recorded there; otherwise the orchestration
	 * is suspended here and resumes in a later step.
	 * @throws TaskFailedException when the activity or sub-orchestration failed
	 * @throws TaskTimedOutException when an external event did not arrive in time
	 */
	T await();

	/** Whether the result is known (in the history seen so far). */
	boolean isDone();

	/** Whether the task ended with a failure. */
	boolean isFailed();

}
