package dev.funcboot.functions.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * The pipeline's per-function behaviour.
 *
 * @param timeout how long one attempt may run, or {@code null} for no limit
 * @param retry how failed attempts are retried
 * @param maxConcurrency the most invocations running at once, 0 for unlimited
 */
public record FunctionPolicy(Duration timeout, RetryPolicy retry, int maxConcurrency) {

	/** Default timeout of one attempt. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

	/** Default concurrency limit: unlimited. */
	public static final int DEFAULT_MAX_CONCURRENCY = 0;

	/** Five-minute timeout, no retries, no concurrency limit. */
	public static final FunctionPolicy DEFAULT = new FunctionPolicy(DEFAULT_TIMEOUT, RetryPolicy.NONE,
			DEFAULT_MAX_CONCURRENCY);

	public FunctionPolicy {
		Objects.requireNonNull(retry, "retry");
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new IllegalArgumentException("timeout must be positive, was " + timeout);
		}
		if (maxConcurrency < 0) {
			throw new IllegalArgumentException("maxConcurrency must be >= 0 (0 = unlimited), was " + maxConcurrency);
		}
	}

}
