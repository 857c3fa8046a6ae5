package dev.funcboot.trigger.timer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TimerScheduleTests {

	private static final ZoneId UTC = ZoneId.of("UTC");

	@Test
	void cronHasSecondsFirst() {
		TimerSchedule schedule = TimerSchedule.parse("tick", "30 */5 * * * *", UTC);
		assertThat(schedule.nextAfter(Instant.parse("2025-01-01T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-01-01T00:00:30Z"));
		assertThat(schedule.nextAfter(Instant.parse("2025-01-01T00:00:30Z")))
			.isEqualTo(Instant.parse("2025-01-01T00:05:30Z"));
	}

	@Test
	void nextIsStrictlyAfterAnOccurrenceEvenWithFractionsOfASecond() {
		TimerSchedule schedule = TimerSchedule.parse("tick", "* * * * * *", UTC);
		assertThat(schedule.nextAfter(Instant.parse("2025-01-01T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-01-01T00:00:01Z"));
		assertThat(schedule.nextAfter(Instant.parse("2025-01-01T00:00:00.999Z")))
			.isEqualTo(Instant.parse("2025-01-01T00:00:01Z"));
	}

	@Test
	void cronIsEvaluatedInItsTimeZoneAcrossDaylightSavingTime() {
		TimerSchedule schedule = TimerSchedule.parse("report", "0 0 9 * * *", ZoneId.of("Europe/Berlin"));
		assertThat(schedule.nextAfter(Instant.parse("2025-01-15T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-01-15T08:00:00Z"));
		assertThat(schedule.nextAfter(Instant.parse("2025-07-15T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-07-15T07:00:00Z"));
		assertThat(TimerSchedule.parse("report", "0 0 9 * * *", UTC).nextAfter(Instant.parse("2025-07-15T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-07-15T09:00:00Z"));
	}

	@Test
	void intervalCountsFromTheEpochSoReplicasAgree() {
		TimerSchedule schedule = TimerSchedule.parse("tick", "00:05:00", UTC);
		assertThat(schedule).isInstanceOf(TimerSchedule.IntervalSchedule.class);
		assertThat(schedule.nextAfter(Instant.parse("2025-01-01T00:03:17.5Z")))
			.isEqualTo(Instant.parse("2025-01-01T00:05:00Z"));
		assertThat(schedule.nextAfter(Instant.parse("2025-01-01T00:05:00Z")))
			.isEqualTo(Instant.parse("2025-01-01T00:10:00Z"));
		assertThat(TimerSchedule.parse("tick", "01:30:15", UTC))
			.extracting((s) -> ((TimerSchedule.IntervalSchedule) s).period())
			.isEqualTo(Duration.ofHours(1).plusMinutes(30).plusSeconds(15));
	}

	@Test
	void latestDueIsTheLastOccurrenceNotAfterNow() {
		TimerSchedule cron = TimerSchedule.parse("tick", "0 */5 * * * *", UTC);
		assertThat(cron.latestDue(Instant.parse("2025-01-01T00:05:00Z"), Instant.parse("2025-01-01T00:17:00Z")))
			.isEqualTo(Instant.parse("2025-01-01T00:15:00Z"));
		assertThat(cron.latestDue(Instant.parse("2025-01-01T00:05:00Z"), Instant.parse("2025-01-01T00:05:00Z")))
			.isEqualTo(Instant.parse("2025-01-01T00:05:00Z"));
		TimerSchedule interval = TimerSchedule.parse("tick", "00:05:00", UTC);
		assertThat(interval.latestDue(Instant.parse("2025-01-01T00:05:00Z"), Instant.parse("2025-01-01T00:17:00Z")))
			.isEqualTo(Instant.parse("2025-01-01T00:15:00Z"));
	}

	@Test
	void latestDueSkipsALongGapWithoutWalkingEveryOccurrence() {
		TimerSchedule everySecond = TimerSchedule.parse("tick", "* * * * * *", UTC);
		AtomicInteger calls = new AtomicInteger();
		TimerSchedule counting = new TimerSchedule() {

			@Override
			public String expression() {
				return everySecond.expression();
			}

			@Override
			public ZoneId timeZone() {
				return UTC;
			}

			@Override
			public Instant nextAfter(Instant time) {
				calls.incrementAndGet();
				return everySecond.nextAfter(time);
			}

		};
		Instant latest = counting.latestDue(Instant.parse("2024-01-01T00:00:00Z"),
				Instant.parse("2025-01-01T12:34:56.7Z"));
		assertThat(latest).isEqualTo(Instant.parse("2025-01-01T12:34:56Z"));
		// a year of seconds is 32 million occurrences; the search looks at a handful
		assertThat(calls).hasValueLessThan(100);
	}

	@Test
	void fiveFieldsAreRejectedNamingTheFunctionAndTheExpression() {
		assertThatIllegalStateException().isThrownBy(() -> TimerSchedule.parse("cleanup", "*/5 * * * *", UTC))
			.withMessageContaining("Function 'cleanup'")
			.withMessageContaining("'*/5 * * * *'")
			.withMessageContaining("5 fields")
			.withMessageContaining("seconds first");
	}

	@Test
	void invalidFieldIsRejectedNamingTheFunctionAndTheExpression() {
		assertThatIllegalStateException().isThrownBy(() -> TimerSchedule.parse("cleanup", "0 0 25 * * *", UTC))
			.withMessageContaining("Function 'cleanup'")
			.withMessageContaining("'0 0 25 * * *'")
			.withMessageContaining("not a valid NCRONTAB expression");
	}

	@Test
	void invalidIntervalIsRejected() {
		assertThatIllegalStateException().isThrownBy(() -> TimerSchedule.parse("cleanup", "00:60:00", UTC))
			.withMessageContaining("Function 'cleanup'")
			.withMessageContaining("'00:60:00'")
			.withMessageContaining("interval");
		assertThatIllegalStateException().isThrownBy(() -> TimerSchedule.parse("cleanup", "00:00:00", UTC))
			.withMessageContaining("'00:00:00' is zero");
	}

	@Test
	void emptyAndNeverFiringSchedulesAreRejected() {
		assertThatIllegalStateException().isThrownBy(() -> TimerSchedule.parse("cleanup", " ", UTC))
			.withMessageContaining("Function 'cleanup'")
			.withMessageContaining("empty");
		assertThatIllegalStateException().isThrownBy(() -> TimerSchedule.parse("cleanup", "0 0 0 30 2 *", UTC))
			.withMessageContaining("'0 0 0 30 2 *' never fires");
	}

}
