package dev.funcboot.trigger.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests set and advance; views in other zones share its time. Thread-safe. */
final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	static MutableClock at(String instant) {
		return new MutableClock(new AtomicReference<>(Instant.parse(instant)), ZoneOffset.UTC);
	}

	void set(String instant) {
		set(Instant.parse(instant));
	}

	void set(Instant instant) {
		this.now.set(instant);
	}

	void advance(Duration duration) {
		this.now.updateAndGet((current) -> current.plus(duration));
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(this.now, zone);
	}

}
