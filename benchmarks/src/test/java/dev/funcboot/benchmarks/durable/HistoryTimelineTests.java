package dev.funcboot.benchmarks.durable;

import java.time.Instant;
import java.util.List;

import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

class HistoryTimelineTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void sequentialRateAndRoundTripsComeFromStepStarts() {
		// step 1 schedules #0; step 2 (10 ms) consumes it and schedules #1; step 3 (30 ms) ends
		HistoryTimeline timeline = HistoryTimeline.of(List.of(started(), step(0), scheduled(0, 0), step(10),
				completed(5, 0), scheduled(10, 1), step(30), completed(25, 1), ended(30)));
		assertThat(timeline.sequentialRate()).isCloseTo(2 / 0.030, within(1e-6));
		assertThat(timeline.roundTripNanos()).containsExactlyInAnyOrder(10_000_000L, 20_000_000L);
	}

	@Test
	void fanOutCountsUntilTheLastResultAndFanInFromTheFirstConsumingStep() {
		// four calls at 0 ms; results at 4, 8, 12, 16 ms; consumed two by two at 10 and 20 ms
		HistoryTimeline timeline = HistoryTimeline.of(List.of(started(), step(0), scheduled(0, 0), scheduled(0, 1),
				scheduled(0, 2), scheduled(0, 3), step(10), completed(4, 0), completed(8, 1), step(20),
				completed(12, 2), completed(16, 3), ended(20)));
		assertThat(timeline.activityRate()).isCloseTo(4 / 0.016, within(1e-6));
		// the two results the first consuming step took arrived before the window opened
		assertThat(timeline.responseRate()).isCloseTo(2 / 0.010, within(1e-6));
	}

	@Test
	void fanInHasNoRateWhenOneStepConsumedEveryResult() {
		HistoryTimeline timeline = HistoryTimeline.of(List.of(started(), step(0), scheduled(0, 0), scheduled(0, 1),
				step(10), completed(4, 0), completed(8, 1), ended(10)));
		assertThat(timeline.responseRate()).isNaN();
	}

	@Test
	void eventRateRunsFromTheFirstRaiseToTheStepThatConsumedTheLast() {
		HistoryTimeline timeline = HistoryTimeline.of(List.of(started(), step(0), step(10), raised(2), raised(4),
				step(20), raised(15), ended(20)));
		assertThat(timeline.eventRate()).isCloseTo(3 / 0.018, within(1e-6));
	}

	@Test
	void aDuplicateResultCountsOnce() {
		HistoryTimeline timeline = HistoryTimeline.of(List.of(started(), step(0), scheduled(0, 0), step(10),
				completed(5, 0), step(20), completed(6, 0), ended(20)));
		assertThat(timeline.roundTripNanos()).containsExactly(10_000_000L);
	}

	@Test
	void missingEventsAreReportedNotDividedByZero() {
		HistoryTimeline timeline = HistoryTimeline.of(List.of(started(), step(0), ended(0)));
		assertThatIllegalStateException().isThrownBy(timeline::activityRate).withMessageContaining("no activity result");
		assertThatIllegalStateException().isThrownBy(timeline::eventRate).withMessageContaining("no raised event");
		assertThatIllegalStateException().isThrownBy(timeline::sequentialRate).withMessageContaining("1 step(s)");
		assertThat(HistoryTimeline.perSecond(5, T0, T0)).isInfinite();
	}

	private static HistoryEvent started() {
		return new HistoryEvent.ExecutionStarted(T0, "o", "i-1", null, null);
	}

	private static HistoryEvent step(long millis) {
		return new HistoryEvent.OrchestratorStarted(at(millis));
	}

	private static HistoryEvent scheduled(long millis, int taskId) {
		return new HistoryEvent.TaskScheduled(at(millis), taskId, "noop", null);
	}

	private static HistoryEvent completed(long millis, int taskId) {
		return new HistoryEvent.TaskCompleted(at(millis), taskId, null);
	}

	private static HistoryEvent raised(long millis) {
		return new HistoryEvent.EventRaised(at(millis), "next", "1");
	}

	private static HistoryEvent ended(long millis) {
		return new HistoryEvent.ExecutionCompleted(at(millis), OrchestrationStatus.COMPLETED, null, null);
	}

	private static Instant at(long millis) {
		return T0.plusMillis(millis);
	}

}
