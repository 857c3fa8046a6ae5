package dev.funcboot.trigger.timer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import dev.funcboot.functions.timer.TimerInfo;

/** Records what timer functions received, across threads and application contexts. */
final class TimerRecorder {

	private final List<Run> runs = new CopyOnWriteArrayList<>();

	void record(String function, TimerInfo info) {
		record(function, info, "");
	}

	void record(String function, TimerInfo info, String replica) {
		this.runs.add(new Run(function, info, replica, Thread.currentThread().getName()));
	}

	List<Run> runs() {
		return List.copyOf(this.runs);
	}

	List<TimerInfo> of(String function) {
		return this.runs.stream().filter((run) -> run.function().equals(function)).map(Run::info).toList();
	}

	List<Instant> scheduledTimes(String function) {
		return of(function).stream().map(TimerInfo::scheduledTime).toList();
	}

	Map<Instant, Long> countsByScheduledTime(String function) {
		return of(function).stream()
			.collect(Collectors.groupingBy(TimerInfo::scheduledTime, TreeMap::new, Collectors.counting()));
	}

	record Run(String function, TimerInfo info, String replica, String thread) {
	}

}
