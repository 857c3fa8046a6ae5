package dev.funcboot.trigger.storagequeue;

import java.time.Duration;

import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;

/**
 * How a queue function's failures are retried: across deliveries of the message, never by holding
 * it in memory. The message's dequeue count is the attempt number. A function with a retry policy
 * gets that policy's attempts and delays (the delay is the time the message stays invisible);
 * without one it gets the queue's {@code max-dequeue-count} attempts, each after
 * {@code visibility-timeout}, as in Azure Functions.
 *
 * @param maxAttempts total attempts, the first included
 * @param policy the function's retry policy, or {@link RetryPolicy#NONE}
 * @param visibilityTimeout the delay when the function has no retry policy
 */
record QueueRetries(int maxAttempts, RetryPolicy policy, Duration visibilityTimeout) {

	static QueueRetries of(FunctionPolicy policy, QueueOptions options) {
		RetryPolicy retry = policy.retry();
		boolean declared = retry.strategy() != RetryPolicy.Strategy.NONE;
		return new QueueRetries(declared ? retry.maxAttempts() : options.maxDequeueCount(), retry,
				options.visibilityTimeout());
	}

	/** Whether a message that failed on this attempt is tried again. */
	boolean allowsAttemptAfter(long attempt) {
		return attempt < this.maxAttempts;
	}

	/** How long a message that failed on this attempt stays invisible. */
	Duration delayAfter(long attempt) {
		Duration delay = (this.policy.strategy() == RetryPolicy.Strategy.NONE) ? this.visibilityTimeout
				: this.policy.delayBefore((int) Math.min(Integer.MAX_VALUE, attempt + 1));
		return (delay.compareTo(QueueOptions.MAX_VISIBILITY) > 0) ? QueueOptions.MAX_VISIBILITY : delay;
	}

}
