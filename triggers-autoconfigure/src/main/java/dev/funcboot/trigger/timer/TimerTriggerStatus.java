package dev.funcboot.trigger.timer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.binding.TimerTriggerBinding;
import dev.funcboot.functions.timer.ScheduleStatus;

/**
 * Reports the timer scheduler to the Actuator endpoint and health: whether it runs, and per
 * function the next occurrence, the last one run across replicas and whether it runs now.
 */
final class TimerTriggerStatus implements TriggerStatus {

	private final TimerScheduler scheduler;

	TimerTriggerStatus(TimerScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public String triggerType() {
		return TimerTriggerBinding.TYPE;
	}

	@Override
	public boolean isRunning() {
		return this.scheduler.isRunning();
	}

	@Override
	public Map<String, Object> details(String function) {
		Map<String, Object> details = new LinkedHashMap<>();
		TimerStatusView view;
		try {
			view = this.scheduler.describe(function);
		}
		catch (RuntimeException ex) {
			details.put("statusError", ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return details;
		}
		if (view == null) {
			return details;
		}
		details.put("nextOccurrence", text(view.nextOccurrence()));
		ScheduleStatus status = view.status();
		details.put("lastOccurrence", (status != null) ? text(status.last()) : null);
		details.put("statusUpdated", (status != null) ? text(status.lastUpdated()) : null);
		details.put("running", view.running());
		return details;
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
