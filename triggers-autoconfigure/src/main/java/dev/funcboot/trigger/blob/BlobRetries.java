package dev.funcboot.trigger.blob;

import java.time.Duration;

import dev.funcboot.functions.binding.BlobOptions;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;

/**
 * How a blob function's failures are retried: on a later scan, recorded in the receipt, never by
 * holding the blob in memory, so retries survive restarts and move between replicas. A function
 * with a retry policy gets that policy's attempts and delays; without one it gets
 * {@code poison-blob-threshold} attempts, each on the next scan, as in Azure Functions.
 *
 * @param maxAttempts total attempts, the first included
 * @param policy the function's retry policy, or {@link RetryPolicy#NONE}
 */
record BlobRetries(int maxAttempts, RetryPolicy policy) {

	static BlobRetries of(FunctionPolicy policy, BlobOptions options) {
		RetryPolicy retry = policy.retry();
		boolean declared = retry.strategy() != RetryPolicy.Strategy.NONE;
		return new BlobRetries(declared ? retry.maxAttempts() : options.poisonBlobThreshold(), retry);
	}

	/** Whether a version that failed on this attempt is tried again. */
	boolean allowsAttemptAfter(int attempt) {
		return attempt < this.maxAttempts;
	}

	/** How long a version that failed on this attempt waits before the next one. */
	Duration delayAfter(int attempt) {
		return (this.policy.strategy() == RetryPolicy.Strategy.NONE) ? Duration.ZERO
				: this.policy.delayBefore(attempt + 1);
	}

}
