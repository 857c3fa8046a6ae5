package dev.funcboot.trigger.stream;

import java.time.Duration;

import dev.funcboot.functions.binding.StreamOptions;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;

/**
 * How a broker function's failures are retried: across deliveries of the message where the
 * broker redelivers (Kafka seeks back, RabbitMQ and Service Bus deliver again), in place where it
 * cannot (Event Hubs). A function with a retry policy gets that policy's attempts and delays;
 * without one it gets {@code max-delivery-count} attempts, {@code retry-delay} apart.
 *
 * @param maxAttempts total attempts, the first included
 * @param policy the function's retry policy, or {@link RetryPolicy#NONE}
 * @param retryDelay the delay when the function has no retry policy
 */
record StreamRetries(int maxAttempts, RetryPolicy policy, Duration retryDelay) {

	static StreamRetries of(FunctionPolicy policy, StreamOptions options) {
		RetryPolicy retry = policy.retry();
		boolean declared = retry.strategy() != RetryPolicy.Strategy.NONE;
		return new StreamRetries(declared ? retry.maxAttempts() : options.maxDeliveryCount(), retry,
				options.retryDelay());
	}

	/** Whether a message that failed on this attempt is tried again. */
	boolean allowsAttemptAfter(int attempt) {
		return attempt < this.maxAttempts;
	}

	/** How long a message that failed on this attempt waits. */
	Duration delayAfter(int attempt) {
		return (this.policy.strategy() == RetryPolicy.Strategy.NONE) ? this.retryDelay
				: this.policy.delayBefore(attempt + 1);
	}

}
