package dev.funcboot.functions.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A clock's time at a {@link System#nanoTime()} reading the caller already made (an invocation's
 * start), for deadlines. The system clock is read at most about once a second and the time in
 * between follows {@code nanoTime}, so a deadline costs no clock read of its own: on a virtual
 * machine each read is some 27 ns, a tenth of a broker invocation's whole cost. The time is to
 * the millisecond, and follows a change of the system clock within a second. Any other clock (a
 * test's fixed one) is read each time.
 */
final class WallClock {

	private static final long RESYNC_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Clock clock;

	private final boolean system;

	/** The clock's millis at a nanoTime, both read together. */
	private volatile Base base;

	WallClock(Clock clock) {
		this.clock = clock;
		this.system = clock.getClass() == Clock.systemUTC().getClass();
	}

	Instant at(long nanoTime) {
		if (!this.system) {
			return this.clock.instant();
		}
		return Instant.ofEpochMilli(millisAt(nanoTime));
	}

	/** Whether the clock is the system's, whose time {@link #millisAt} gives. */
	boolean isSystem() {
		return this.system;
	}

	/** The clock's time in milliseconds at the nanoTime (any clock: its millis now). */
	long millisAt(long nanoTime) {
		if (!this.system) {
			return this.clock.millis();
		}
		Base base = this.base;
		if (base == null || nanoTime - base.nanos > RESYNC_NANOS) {
			base = new Base(this.clock.millis(), System.nanoTime());
			this.base = base;
		}
		return base.millis + (nanoTime - base.nanos) / 1_000_000;
	}

	private record Base(long millis, long nanos) {
	}

}
