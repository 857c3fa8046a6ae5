package dev.funcboot.functions.timer;

import java.time.Instant;

/**
 * Input of a timer-triggered function.
 *
 * @param schedule the schedule expression as configured
 * @param scheduledTime the occurrence this invocation stands for
 * @param scheduleStatus the monitor's status before this run, or {@code null} without monitor
 * @param isPastDue whether this invocation runs later than its occurrence: an occurrence missed
 * while the application was down, or a run delayed by a long previous one
 */
public record TimerInfo(String schedule, Instant scheduledTime, ScheduleStatus scheduleStatus, boolean isPastDue) {
}
