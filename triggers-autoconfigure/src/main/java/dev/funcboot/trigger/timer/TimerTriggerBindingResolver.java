package dev.funcboot.trigger.timer;

import java.lang.annotation.Annotation;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Supplier;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.TriggerBindingResolver;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.binding.TimerTriggerBinding;
import dev.funcboot.functions.binding.TriggerBinding;

/**
 * Reads {@link TimerTrigger} and {@code funcboot.functions.<name>.timer.*}, properties first,
 * and validates the schedule and the time zone.
 */
final class TimerTriggerBindingResolver implements TriggerBindingResolver {

	private final Supplier<ZoneId> defaultTimeZone;

	TimerTriggerBindingResolver(Supplier<ZoneId> defaultTimeZone) {
		this.defaultTimeZone = defaultTimeZone;
	}

	@Override
	public Class<? extends Annotation> annotationType() {
		return TimerTrigger.class;
	}

	@Override
	public TriggerBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		TimerTrigger trigger = (TimerTrigger) annotation;
		FunctionsProperties.Timer timer = (properties != null) ? properties.getTimer() : null;
		if (trigger == null && timer == null) {
			return null;
		}
		String schedule = (trigger != null) ? values.resolve(name, "@TimerTrigger.value", trigger.value()) : null;
		String zone = (trigger != null) ? values.resolve(name, "@TimerTrigger.timeZone", trigger.timeZone()) : null;
		boolean runOnStartup = trigger != null && trigger.runOnStartup();
		boolean useMonitor = trigger == null || trigger.useMonitor();
		if (timer != null) {
			schedule = (timer.getSchedule() != null) ? timer.getSchedule() : schedule;
			zone = (timer.getTimeZone() != null) ? timer.getTimeZone() : zone;
			runOnStartup = (timer.getRunOnStartup() != null) ? timer.getRunOnStartup() : runOnStartup;
			useMonitor = (timer.getUseMonitor() != null) ? timer.getUseMonitor() : useMonitor;
		}
		if (schedule == null || schedule.isBlank()) {
			throw new IllegalStateException("Function '" + name + "' has no timer schedule; set "
					+ "funcboot.functions." + name + ".timer.schedule or annotate it with @TimerTrigger(\"0 */5 * * * *\")");
		}
		ZoneId timeZone = timeZone(name, zone);
		TimerSchedule.parse(name, schedule, timeZone);
		return new TimerTriggerBinding(schedule.trim(), timeZone, runOnStartup, useMonitor);
	}

	private ZoneId timeZone(String name, String zone) {
		if (zone == null || zone.isBlank()) {
			return this.defaultTimeZone.get();
		}
		try {
			return ZoneId.of(zone.trim());
		}
		catch (DateTimeException ex) {
			throw new IllegalStateException("Function '" + name + "': timer time zone '" + zone
					+ "' is unknown; use a region id such as 'Europe/Berlin' or 'UTC'", ex);
		}
	}

}
