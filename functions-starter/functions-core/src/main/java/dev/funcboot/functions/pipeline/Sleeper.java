package dev.funcboot.functions.pipeline;

import java.time.Duration;

/** Waits between retries; tests replace it to advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

	Sleeper SYSTEM = (duration) -> Thread.sleep(duration.toMillis());

	void sleep(Duration duration) throws InterruptedException;

}
