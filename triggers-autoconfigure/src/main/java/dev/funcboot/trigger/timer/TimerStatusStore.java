package dev.funcboot.trigger.timer;

import dev.funcboot.functions.timer.ScheduleStatus;

/**
 * Where the schedule status of each timer lives: a database table shared by the replicas, files,
 * or memory. The scheduler calls it while holding the timer's {@link TimerLock}, so
 * implementations need not handle concurrent writes of one timer. Thread-safe.
 */
public interface TimerStatusStore {

	/** The status of a timer, or {@code null} when none was written. */
	ScheduleStatus read(String timer);

	/** Replaces the status of a timer. */
	void write(String timer, ScheduleStatus status);

}
