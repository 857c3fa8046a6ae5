package dev.funcboot.trigger.timer;

import java.time.Instant;
import java.time.ZoneId;

import dev.funcboot.functions.timer.ScheduleStatus;

/**
 * What a scheduler knows about one timer, for the Actuator endpoint.
 *
 * @param function the timer function's name
 * @param schedule the schedule expression
 * @param timeZone the zone of the schedule
 * @param enabled whether the timer runs in this application
 * @param runOnStartup whether it runs once when the application is ready
 * @param useMonitor whether missed occurrences fire once on start
 * @param nextOccurrence the occurrence this replica fires next (it may be past when another
 * replica holds the lock or the previous run is still going), or {@code null} when disabled or
 * the schedule never fires again
 * @param status the shared schedule status: the occurrence that last ran, across replicas, and
 * the one expected next; {@code null} before the first write
 * @param running whether this replica is running the function now
 */
public record TimerStatusView(String function, String schedule, ZoneId timeZone, boolean enabled,
		boolean runOnStartup, boolean useMonitor, Instant nextOccurrence, ScheduleStatus status, boolean running) {
}
