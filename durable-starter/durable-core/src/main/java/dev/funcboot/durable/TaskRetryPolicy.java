package dev.funcboot.durable;

import java.time.Duration;

/**
 * Retries of a failed activity or sub-orchestration, with durable timers between attempts (so
 * retries survive restarts and are replayed deterministically).
 *
 * @param maxAttempts total attempts, the first included
 * @param firstInterval delay before the second attempt
 * @param backoffCoefficient factor between successive delays (1 for fixed delays)
 * @param maxInterval upper bound of one delay, or {@code null} for none
 * @param timeout how long after the first attempt no further attempt starts, or {@code null}
 */
public record TaskRetryPolicy(int maxAttempts, Duration firstInterval, double backoffCoefficient,
		Duration maxInterval, Duration timeout) {

	public TaskRetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
		}
		if (firstInterval == null || firstInterval.isNegative()) {
			throw new IllegalArgumentException("firstInterval must be zero or positive");
		}
		if (backoffCoefficient < 1.0) {
			throw new IllegalArgumentException("backoffCoefficient must be >= 1, was " + backoffCoefficient);
		}
	}

	public static TaskRetryPolicy of(int maxAttempts, Duration firstInterval) {
		return new TaskRetryPolicy(maxAttempts, firstInterval, 1.0, null, null);
	}

	/** The delay after failed attempt number {@code attempt} (1-based). */
	public Duration delayAfter(int attempt) {
		double millis = this.firstInterval.toMillis() * Math.pow(this.backoffCoefficient, attempt - 1);
		Duration delay = (Double.isInfinite(millis) || millis > Long.MAX_VALUE / 2) ? Duration.ofMillis(Long.MAX_VALUE / 2)
				: Duration.ofMillis((long) millis);
		return (this.maxInterval != null && delay.compareTo(this.maxInterval) > 0) ? this.maxInterval : delay;
	}

}
