package dev.funcboot.trigger.timer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.funcboot.functions.pipeline.Sleeper;

/** Records the pipeline's waits between retries instead of sleeping. */
final class RecordingSleeper implements Sleeper {

	private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	@Override
	public void sleep(Duration duration) {
		this.sleeps.add(duration);
	}

	List<Duration> sleeps() {
		return List.copyOf(this.sleeps);
	}

}
