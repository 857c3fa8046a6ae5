package dev.funcboot.trigger.storagequeue.binder;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a poller waits before its next poll: not at all while polls return messages (fast when
 * busy), then the minimum interval after the first empty poll, doubling with every further empty
 * or failed poll up to the maximum (cheap when idle: an idle queue costs one request per maximum
 * interval). Used by one poller thread; {@link #current()} may be read from any thread.
 */
public final class AdaptivePollingInterval {

	private final Duration min;

	private final Duration max;

	private volatile Duration current = Duration.ZERO;

	public AdaptivePollingInterval(Duration min, Duration max) {
		this.min = Objects.requireNonNull(min, "min");
		this.max = Objects.requireNonNull(max, "max");
		if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
			throw new IllegalArgumentException("need 0 < min <= max, was min " + min + ", max " + max);
		}
	}

	/** A poll returned messages: poll again at once. */
	public Duration afterMessages() {
		this.current = Duration.ZERO;
		return this.current;
	}

	/** A poll returned nothing (or failed): wait longer than last time, up to the maximum. */
	public Duration afterEmpty() {
		Duration previous = this.current;
		Duration next = previous.isZero() ? this.min : previous.multipliedBy(2);
		this.current = (next.compareTo(this.max) > 0) ? this.max : next;
		return this.current;
	}

	/** The wait chosen last; zero while busy. */
	public Duration current() {
		return this.current;
	}

}
