package dev.funcboot.trigger.timer;

import java.util.Objects;
import java.util.function.Consumer;

import dev.funcboot.functions.timer.TimerInfo;

/**
 * One timer of a {@link TimerScheduler}.
 *
 * @param name the timer function's name; also the name of its lock and status
 * @param schedule when it fires
 * @param runOnStartup whether it runs once when the application is ready, besides the schedule
 * @param useMonitor whether an occurrence missed while the application was down fires once on
 * start, past due, and the function sees the schedule status
 * @param enabled whether it runs at all; a disabled timer is only described
 * @param action what runs at each occurrence; must not throw (the invocation pipeline reports
 * failures itself)
 */
public record TimerDefinition(String name, TimerSchedule schedule, boolean runOnStartup, boolean useMonitor,
		boolean enabled, Consumer<TimerInfo> action) {

	public TimerDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(schedule, "schedule");
		Objects.requireNonNull(action, "action");
	}

}
