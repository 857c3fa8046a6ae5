package dev.funcboot.functions.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how late a failed invocation is tried again. Only retryable failures are
 * retried; poison failures never are.
 *
 * @param strategy none, fixed delay or exponential backoff
 * @param maxAttempts total attempts, the first one included (1 means no retry)
 * @param delay the fixed delay, or the first interval of the exponential backoff
 * @param maxDelay upper bound of the exponential backoff's delay
 * @param multiplier factor between successive exponential delays
 */
public record RetryPolicy(Strategy strategy, int maxAttempts, Duration delay, Duration maxDelay, double multiplier) {

	/** Default total attempts when a strategy is chosen without saying how many. */
	public static final int DEFAULT_MAX_ATTEMPTS = 5;

	/** Default fixed delay and first exponential interval. */
	public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);

	/** Default upper bound of exponential delays. */
	public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(1);

	/** Default factor between exponential delays. */
	public static final double DEFAULT_MULTIPLIER = 2.0;

	/** No retries: the first failure is final. */
	public static final RetryPolicy NONE = new RetryPolicy(Strategy.NONE, 1, Duration.ZERO, Duration.ZERO, 1.0);

	public RetryPolicy {
		Objects.requireNonNull(strategy, "strategy");
		delay = (delay != null) ? delay : DEFAULT_DELAY;
		maxDelay = (maxDelay != null) ? maxDelay : DEFAULT_MAX_DELAY;
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1 (the first attempt), was " + maxAttempts);
		}
		if (delay.isNegative() || maxDelay.isNegative()) {
			throw new IllegalArgumentException("retry delays must not be negative");
		}
		if (multiplier < 1.0) {
			throw new IllegalArgumentException("multiplier must be >= 1.0, was " + multiplier);
		}
		if (strategy == Strategy.NONE) {
			maxAttempts = 1;
		}
	}

	public static RetryPolicy fixedDelay(int maxAttempts, Duration delay) {
		return new RetryPolicy(Strategy.FIXED_DELAY, maxAttempts, delay, delay, 1.0);
	}

	public static RetryPolicy exponentialBackoff(int maxAttempts, Duration minInterval, Duration maxInterval,
			double multiplier) {
		return new RetryPolicy(Strategy.EXPONENTIAL_BACKOFF, maxAttempts, minInterval, maxInterval, multiplier);
	}

	/** Whether another attempt follows the failed attempt number {@code attempt}. */
	public boolean allowsAttemptAfter(int attempt) {
		return attempt < this.maxAttempts;
	}

	/**
	 * The delay before attempt number {@code nextAttempt} (2 for the first retry).
	 */
	public Duration delayBefore(int nextAttempt) {
		if (this.strategy == Strategy.NONE || nextAttempt <= 1) {
			return Duration.ZERO;
		}
		if (this.strategy == Strategy.FIXED_DELAY) {
			return this.delay;
		}
		double factor = Math.pow(this.multiplier, nextAttempt - 2);
		double millis = this.delay.toMillis() * factor;
		if (Double.isInfinite(millis) || millis >= this.maxDelay.toMillis()) {
			return this.maxDelay;
		}
		return Duration.ofMillis((long) millis);
	}

	public enum Strategy {

		/** Do not retry. */
		NONE,

		/** The same delay before every retry. */
		FIXED_DELAY,

		/** Delays multiplied on every retry, up to a maximum. */
		EXPONENTIAL_BACKOFF

	}

}
