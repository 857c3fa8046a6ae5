package dev.funcboot.durable;

/**
 * Options of a durable call.
 *
 * @param retry the retry policy, or {@code null} for none
 */
public record TaskOptions(TaskRetryPolicy retry) {

	public static final TaskOptions NONE = new TaskOptions(null);

	public static TaskOptions withRetry(TaskRetryPolicy retry) {
		return new TaskOptions(retry);
	}

}
