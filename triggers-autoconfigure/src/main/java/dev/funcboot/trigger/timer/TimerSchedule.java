package dev.funcboot.trigger.timer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a timer fires: a six-field NCRONTAB expression (seconds first) evaluated in a time zone,
 * or a fixed {@code hh:mm:ss} interval. Intervals count from the epoch, not from the start of
 * the application, so every replica computes the same occurrences. Immutable and thread-safe.
 */
public interface TimerSchedule {

	/** The expression as configured. */
	String expression();

	/** The zone cron fields are evaluated in. */
	ZoneId timeZone();

	/** The first occurrence strictly after {@code time}, or {@code null} when there is none. */
	Instant nextAfter(Instant time);

	/**
	 * The latest occurrence not after {@code now}, searching from {@code first}, itself an
	 * occurrence not after {@code now}. Skips long gaps without walking every occurrence.
	 */
	default Instant latestDue(Instant first, Instant now) {
		Instant start = first;
		for (Duration back = Duration.ofSeconds(1);; back = back.multipliedBy(2)) {
			Instant from = now.minus(back);
			if (!from.isAfter(first)) {
				break;
			}
			Instant candidate = nextAfter(from);
			if (candidate != null && !candidate.isAfter(now)) {
				start = candidate;
				break;
			}
		}
		Instant latest = start;
		for (Instant next = nextAfter(latest); next != null && !next.isAfter(now); next = nextAfter(next)) {
			latest = next;
		}
		return latest;
	}

	/**
	 * Parses a schedule.
	 * @param function the function, named in errors
	 * @param expression six NCRONTAB fields (seconds first) or {@code hh:mm:ss}
	 * @param zone the zone of cron fields
	 * @throws IllegalStateException naming the function and the expression when it is invalid
	 */
	static TimerSchedule parse(String function, String expression, ZoneId zone) {
		String trimmed = (expression != null) ? expression.trim() : "";
		String help = "; write six NCRONTAB fields, seconds first (e.g. '0 */5 * * * *' for every five minutes), "
				+ "or an interval 'hh:mm:ss' (e.g. '00:05:00')";
		if (trimmed.isEmpty()) {
			throw new IllegalStateException("Function '" + function + "': the timer schedule is empty" + help);
		}
		Matcher interval = IntervalSchedule.PATTERN.matcher(trimmed);
		if (interval.matches()) {
			Duration period = Duration.ofHours(Long.parseLong(interval.group(1)))
				.plusMinutes(Long.parseLong(interval.group(2)))
				.plusSeconds(Long.parseLong(interval.group(3)));
			if (period.isZero()) {
				throw new IllegalStateException(
						"Function '" + function + "': timer interval '" + trimmed + "' is zero" + help);
			}
			return new IntervalSchedule(trimmed, zone, period);
		}
		if (trimmed.contains(":")) {
			throw new IllegalStateException("Function '" + function + "': timer schedule '" + trimmed
					+ "' is not a valid interval; minutes and seconds take two digits below 60" + help);
		}
		int fields = trimmed.split("\\s+").length;
		if (!trimmed.startsWith("@") && fields != 6) {
			throw new IllegalStateException("Function '" + function + "': timer schedule '" + trimmed + "' has "
					+ fields + " field" + ((fields == 1) ? "" : "s") + help);
		}
		CronExpression cron;
		try {
			cron = CronExpression.parse(trimmed);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Function '" + function + "': timer schedule '" + trimmed
					+ "' is not a valid NCRONTAB expression (" + ex.getMessage() + ")" + help, ex);
		}
		CronSchedule schedule = new CronSchedule(trimmed, zone, cron);
		if (schedule.nextAfter(Instant.EPOCH) == null) {
			throw new IllegalStateException(
					"Function '" + function + "': timer schedule '" + trimmed + "' never fires" + help);
		}
		return schedule;
	}

	/** A cron expression evaluated in a zone, so daylight saving time moves UTC occurrences. */
	record CronSchedule(String expression, ZoneId timeZone, CronExpression cron) implements TimerSchedule {

		@Override
		public Instant nextAfter(Instant time) {
			var next = this.cron.next(time.atZone(this.timeZone));
			return (next != null) ? next.toInstant() : null;
		}

	}

	/** Every {@code period}, counted from the epoch. */
	record IntervalSchedule(String expression, ZoneId timeZone, Duration period) implements TimerSchedule {

		static final Pattern PATTERN = Pattern.compile("(\\d{1,2}):([0-5]\\d):([0-5]\\d)");

		@Override
		public Instant nextAfter(Instant time) {
			long step = this.period.getSeconds();
			return Instant.ofEpochSecond((Math.floorDiv(time.getEpochSecond(), step) + 1) * step);
		}

		@Override
		public Instant latestDue(Instant first, Instant now) {
			long step = this.period.getSeconds();
			Instant latest = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), step) * step);
			return latest.isBefore(first) ? first : latest;
		}

	}

}
