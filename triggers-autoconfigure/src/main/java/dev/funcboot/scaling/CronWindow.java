package dev.funcboot.scaling;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.funcboot.functions.binding.TimerTriggerBinding;

/**
 * A timer's replica window as a KEDA {@code cron} rule: from a minute before each occurrence to
 * {@code window} after it. That only works for schedules that fire at a fixed minute of the hour
 * (NCRONTAB {@code "0 30 9 * * *"} → {@code start "29 9 * * *"}, {@code end "35 9 * * *"}); a timer
 * that fires more often, or on an interval, needs a replica all the time, so the plan keeps one.
 */
final class CronWindow {

	private CronWindow() {
	}

	static void contribute(String function, TimerTriggerBinding timer, Duration window, ScalingPlan.Builder plan) {
		String[] fields = timer.schedule().trim().split("\\s+");
		int minute = (fields.length == 6) ? minute(fields[1]) : -1;
		long windowMinutes = Math.max(1, window.toMinutes());
		if (minute < 1 || minute + windowMinutes > 59) {
			plan.atLeast(1, "timer function '" + function + "' (" + timer.schedule()
					+ ") fires too often or too close to the hour for a cron window: the app keeps 1 replica");
			return;
		}
		String rest = String.join(" ", fields[2], fields[3], fields[4], fields[5]);
		plan.rule(new ScaleRule(ScaleRule.ruleName(function, "timer"), "cron",
				Map.of("timezone", timer.timeZone().getId(), "start", (minute - 1) + " " + rest, "end",
						(minute + windowMinutes) + " " + rest, "desiredReplicas", "1"),
				List.of(), function));
	}

	/** The minute field as a number, or -1 when it is a list, range, step or wildcard. */
	private static int minute(String field) {
		return field.matches("\\d{1,2}") ? Integer.parseInt(field) : -1;
	}

}
