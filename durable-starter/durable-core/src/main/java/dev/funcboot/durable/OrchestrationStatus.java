package dev.funcboot.durable;

/** Runtime status of an instance, with the names Durable Functions uses. */
public enum OrchestrationStatus {

	PENDING("Pending"), RUNNING("Running"), COMPLETED("Completed"), CONTINUED_AS_NEW("ContinuedAsNew"),
	FAILED("Failed"), TERMINATED("Terminated"), SUSPENDED("Suspended");

	private final String displayName;

	OrchestrationStatus(String displayName) {
		this.displayName = displayName;
	}

	/** The Durable Functions name ({@code Running}, {@code ContinuedAsNew}, ...). */
	public String displayName() {
		return this.displayName;
	}

	/** Whether the instance will not run again. */
	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == TERMINATED;
	}

	public static OrchestrationStatus fromDisplayName(String name) {
		for (OrchestrationStatus status : values()) {
			if (status.displayName.equalsIgnoreCase(name) || status.name().equalsIgnoreCase(name)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Unknown orchestration status '" + name + "'");
	}

}
