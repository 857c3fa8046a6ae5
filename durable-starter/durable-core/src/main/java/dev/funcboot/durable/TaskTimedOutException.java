package dev.funcboot.durable;

import java.time.Duration;

/** An awaited external event did not arrive within its timeout. */
public class TaskTimedOutException extends RuntimeException {

	public TaskTimedOutException(String eventName, Duration timeout) {
		super("External event '" + eventName + "' did not arrive within " + timeout);
	}

}
