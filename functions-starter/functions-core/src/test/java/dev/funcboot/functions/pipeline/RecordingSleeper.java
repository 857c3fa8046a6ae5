package dev.funcboot.functions.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the delays the pipeline asks for and returns at once, optionally advancing a clock. */
final class RecordingSleeper implements Sleeper {

	private final List<Duration> delays = new CopyOnWriteArrayList<>();

	private final MutableClock clock;

	RecordingSleeper(MutableClock clock) {
		this.clock = clock;
	}

	@Override
	public void sleep(Duration duration) {
		this.delays.add(duration);
		if (this.clock != null) {
			this.clock.advance(duration);
		}
	}

	List<Duration> delays() {
		return List.copyOf(this.delays);
	}

}
