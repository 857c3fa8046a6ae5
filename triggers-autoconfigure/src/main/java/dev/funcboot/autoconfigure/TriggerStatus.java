package dev.funcboot.autoconfigure;

import java.util.Map;

/**
 * What a trigger adapter reports about itself to the Actuator endpoint and health.
 * Implementations are beans of each trigger's auto-configuration.
 */
public interface TriggerStatus {

	/** The trigger type it reports on ({@code http}, {@code timer}, ...). */
	String triggerType();

	/** Whether the adapter is accepting events. */
	default boolean isRunning() {
		return true;
	}

	/** Live details of one function of this trigger (next run, queue depth...); never secrets. */
	default Map<String, Object> details(String function) {
		return Map.of();
	}

}
