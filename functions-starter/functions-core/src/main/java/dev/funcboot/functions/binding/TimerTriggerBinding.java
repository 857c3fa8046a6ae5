package dev.funcboot.functions.binding;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * @param schedule the NCRONTAB expression (seconds first) or {@code hh:mm:ss} interval
 * @param timeZone the zone the schedule is evaluated in
 * @param runOnStartup whether to run once when the application is ready
 * @param useMonitor whether a missed occurrence fires once on start, past due
 */
public record TimerTriggerBinding(String schedule, ZoneId timeZone, boolean runOnStartup, boolean useMonitor)
		implements TriggerBinding {

	public static final String TYPE = "timer";

	public TimerTriggerBinding {
		Objects.requireNonNull(schedule, "schedule");
		Objects.requireNonNull(timeZone, "timeZone");
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("schedule", this.schedule);
		map.put("timeZone", this.timeZone.getId());
		map.put("runOnStartup", this.runOnStartup);
		map.put("useMonitor", this.useMonitor);
		return map;
	}

}
