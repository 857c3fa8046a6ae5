package dev.funcboot.trigger.timer;

import java.util.Optional;

/**
 * Mutual exclusion between every scheduler that runs the same timer: the replicas of the
 * application (a row in a shared database) or a single process. The scheduler reads and writes a
 * timer's {@link TimerStatusStore status} only while it holds the timer's lock, so an occurrence
 * runs once even when two replicas fire it at the same moment. Implementations are thread-safe.
 */
public interface TimerLock {

	/**
	 * Takes the lock of a timer without waiting.
	 * @param timer the timer function's name
	 * @return the held lock, or empty when another holder has it
	 */
	Optional<Held> tryLock(String timer);

	/** A held lock; closing it releases the lock. */
	@FunctionalInterface
	interface Held extends AutoCloseable {

		@Override
		void close();

	}

}
