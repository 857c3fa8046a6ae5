package dev.funcboot.autoconfigure;

import java.util.Map;

/**
 * What a trigger adapter reports about itself to the Actuator endpoint and health, and the
 * controls it offers there. Implementations are beans of each trigger's auto-configuration.
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

	/**
	 * Stops taking new events for one of this trigger's functions; what it has in hand still runs
	 * and is settled, and the rest waits (a broker keeps it). Until {@link #resume} or a restart.
	 * @return {@code false} where the trigger cannot pause, or the function is not its own
	 */
	default boolean pause(String function) {
		return false;
	}

	/**
	 * Takes events for a paused function again, from where it stopped.
	 * @return {@code false} where the trigger cannot pause, or the function is not its own
	 */
	default boolean resume(String function) {
		return false;
	}

}
