package dev.funcboot.functions.timer;

import java.time.Instant;

/**
 * What the schedule monitor remembers about a timer.
 *
 * @param last the occurrence that last ran, or {@code null} if none did
 * @param next the occurrence expected next
 * @param lastUpdated when this status was written
 */
public record ScheduleStatus(Instant last, Instant next, Instant lastUpdated) {
}
