package dev.funcboot.benchmarks.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.durable.history.HistoryEvent;

/**
 * When things happened to one instance, read from its history alone, so that no figure depends
 * on how often the benchmark polls. Every event a step adds is stamped with the step's start
 * (its {@code OrchestratorStarted}); results and raised events keep the time they were produced.
 * So a task was scheduled at the start of the step that recorded its {@code TaskScheduled}, and
 * its result was consumed at the start of the step whose new events hold its
 * {@code TaskCompleted}.
 *
 * @param stepStarts the start of every step, in order
 * @param scheduledAt when each activity call was scheduled, by task id
 * @param completedAt when each activity finished (the result's own timestamp), by task id
 * @param consumedAt the start of the step that consumed each result, by task id
 * @param raised when each external event was raised, in history order
 * @param eventsConsumedAt the start of the step that consumed each raised event, same order
 */
record HistoryTimeline(List<Instant> stepStarts, Map<Integer, Instant> scheduledAt, Map<Integer, Instant> completedAt,
		Map<Integer, Instant> consumedAt, List<Instant> raised, List<Instant> eventsConsumedAt) {

	static HistoryTimeline of(List<HistoryEvent> history) {
		List<Instant> steps = new ArrayList<>();
		Map<Integer, Instant> scheduled = new HashMap<>();
		Map<Integer, Instant> completed = new HashMap<>();
		Map<Integer, Instant> consumed = new HashMap<>();
		List<Instant> raised = new ArrayList<>();
		List<Instant> eventsConsumed = new ArrayList<>();
		Instant step = null;
		for (HistoryEvent event : history) {
			if (event instanceof HistoryEvent.OrchestratorStarted started) {
				step = started.timestamp();
				steps.add(step);
			}
			else if (event instanceof HistoryEvent.TaskScheduled task) {
				scheduled.put(task.taskId(), task.timestamp());
			}
			else if (event instanceof HistoryEvent.TaskCompleted result) {
				completed.putIfAbsent(result.taskId(), result.timestamp());
				consumed.putIfAbsent(result.taskId(), step);
			}
			else if (event instanceof HistoryEvent.EventRaised signal) {
				raised.add(signal.timestamp());
				eventsConsumed.add(step);
			}
		}
		return new HistoryTimeline(steps, scheduled, completed, consumed, raised, eventsConsumed);
	}

	/** Calls completed per second of the orchestration's life: first step start to last step start. */
	double sequentialRate() {
		requireSteps(2);
		return perSecond(this.consumedAt.size(), first(this.stepStarts), last(this.stepStarts));
	}

	/**
	 * Fan-out: calls executed per second, from the step that scheduled them to the last result
	 * produced (the activity side; the orchestration's consumption is {@link #responseRate()}).
	 */
	double activityRate() {
		requireResults();
		Instant from = this.scheduledAt.values().stream().min(Instant::compareTo).orElseThrow();
		Instant to = this.completedAt.values().stream().max(Instant::compareTo).orElseThrow();
		return perSecond(this.completedAt.size(), from, to);
	}

	/**
	 * Fan-in: results consumed per second between the first step that consumed a result and the
	 * last one. The results the first of those steps took are left out: they arrived before the
	 * window opened. NaN when one step consumed every result (no window to measure).
	 */
	double responseRate() {
		requireResults();
		Instant first = this.consumedAt.values().stream().min(Instant::compareTo).orElseThrow();
		Instant last = this.consumedAt.values().stream().max(Instant::compareTo).orElseThrow();
		long inFirstStep = this.consumedAt.values().stream().filter(first::equals).count();
		if (first.equals(last)) {
			return Double.NaN;
		}
		return perSecond(this.consumedAt.size() - inFirstStep, first, last);
	}

	/** External events consumed per second, from the first raise to the step that consumed the last. */
	double eventRate() {
		if (this.raised.isEmpty()) {
			throw new IllegalStateException("The history holds no raised event");
		}
		Instant from = this.raised.stream().min(Instant::compareTo).orElseThrow();
		Instant to = this.eventsConsumedAt.stream().max(Instant::compareTo).orElseThrow();
		return perSecond(this.raised.size(), from, to);
	}

	/** For every call, scheduling to the start of the step that consumed its result, in nanoseconds. */
	long[] roundTripNanos() {
		requireResults();
		long[] nanos = new long[this.consumedAt.size()];
		int i = 0;
		for (Map.Entry<Integer, Instant> result : this.consumedAt.entrySet()) {
			Instant scheduled = this.scheduledAt.get(result.getKey());
			if (scheduled == null) {
				throw new IllegalStateException("Task " + result.getKey() + " completed but was never scheduled");
			}
			nanos[i++] = Duration.between(scheduled, result.getValue()).toNanos();
		}
		return nanos;
	}

	static double perSecond(long count, Instant from, Instant to) {
		long nanos = Duration.between(from, to).toNanos();
		if (nanos <= 0) {
			return Double.POSITIVE_INFINITY;
		}
		return count * 1e9 / nanos;
	}

	private void requireSteps(int count) {
		if (this.stepStarts.size() < count) {
			throw new IllegalStateException("The history holds " + this.stepStarts.size() + " step(s); at least "
					+ count + " are needed");
		}
	}

	private void requireResults() {
		if (this.consumedAt.isEmpty()) {
			throw new IllegalStateException("The history holds no activity result");
		}
	}

	private static Instant first(List<Instant> instants) {
		return instants.get(0);
	}

	private static Instant last(List<Instant> instants) {
		return instants.get(instants.size() - 1);
	}

}
