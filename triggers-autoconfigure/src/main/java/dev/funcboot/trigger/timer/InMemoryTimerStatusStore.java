package dev.funcboot.trigger.timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.funcboot.functions.timer.ScheduleStatus;

/** Statuses kept in memory: lost on restart, so missed occurrences are not detected. */
final class InMemoryTimerStatusStore implements TimerStatusStore {

	private final Map<String, ScheduleStatus> statuses = new ConcurrentHashMap<>();

	@Override
	public ScheduleStatus read(String timer) {
		return this.statuses.get(timer);
	}

	@Override
	public void write(String timer, ScheduleStatus status) {
		this.statuses.put(timer, status);
	}

}
