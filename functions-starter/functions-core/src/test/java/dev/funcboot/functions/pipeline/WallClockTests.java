package dev.funcboot.functions.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WallClockTests {

	@Test
	void theSystemClocksTimeAtANanoTimeIsTheTimeThenToTheMillisecond() {
		WallClock clock = new WallClock(Clock.systemUTC());
		long start = System.nanoTime();
		Instant before = Instant.now();
		Instant at = clock.at(start);
		Instant after = Instant.now();
		// (tolerances allow for the thread being descheduled between two reads on a busy machine)
		assertThat(at).isBetween(before.minusMillis(20), after.plusMillis(20));
		// later readings follow nanoTime, without reading the clock again
		Instant later = clock.at(start + Duration.ofMillis(250).toNanos());
		assertThat(Duration.between(at, later).toMillis()).isCloseTo(250, within(2L));
		// a reading more than a second on reads the clock again and still agrees with it
		Instant muchLater = clock.at(start + Duration.ofSeconds(5).toNanos());
		assertThat(Duration.between(at, muchLater).toMillis()).isCloseTo(5000, within(50L));
	}

	@Test
	void anyZoneOfTheSystemClockIsTheSystemClock() {
		WallClock clock = new WallClock(Clock.system(ZoneId.of("Europe/Amsterdam")));
		assertThat(clock.at(System.nanoTime())).isCloseTo(Instant.now(), within(50, ChronoUnit.MILLIS));
	}

	@Test
	void anotherClockIsReadEachTimeAsItIs() {
		Instant now = Instant.parse("2025-01-15T10:00:00.123456789Z");
		WallClock clock = new WallClock(Clock.fixed(now, ZoneOffset.UTC));
		assertThat(clock.at(System.nanoTime())).isEqualTo(now);
		assertThat(clock.at(System.nanoTime() + Duration.ofHours(1).toNanos())).isEqualTo(now);
	}

}
