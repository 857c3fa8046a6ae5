package dev.funcboot.durable;

/** An awaited activity or sub-orchestration failed; {@link #getFailure()} says why. */
public class TaskFailedException extends RuntimeException {

	private final String taskName;

	private final int taskId;

	private final FailureDetails failure;

	public TaskFailedException(String taskName, int taskId, FailureDetails failure) {
		super("Task '" + taskName + "' (#" + taskId + ") failed: " + failure);
		this.taskName = taskName;
		this.taskId = taskId;
		this.failure = failure;
	}

	public String getTaskName() {
		return this.taskName;
	}

	public int getTaskId() {
		return this.taskId;
	}

	public FailureDetails getFailure() {
		return this.failure;
	}

}
