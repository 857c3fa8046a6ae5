package dev.funcboot.inference.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DynamicBatcher} groups requests.
 *
 * @param name the model's name, in thread names and error messages
 * @param workers worker threads, each with its own runner (predictor)
 * @param batchSize the most requests in one forward pass; 1 turns batching off
 * @param maxBatchDelay how long the first request of a batch waits for others to join it
 * @param queueSize the most requests waiting; a request beyond it is rejected at once
 * @param retryAfter what a rejected caller is told to wait
 */
public record BatcherOptions(String name, int workers, int batchSize, Duration maxBatchDelay, int queueSize,
		Duration retryAfter) {

	public BatcherOptions {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(maxBatchDelay, "maxBatchDelay");
		Objects.requireNonNull(retryAfter, "retryAfter");
		require(workers >= 1, name, "workers must be at least 1, was " + workers);
		require(batchSize >= 1, name, "batch-size must be at least 1, was " + batchSize);
		require(queueSize >= 1, name, "queue-size must be at least 1, was " + queueSize);
		require(!maxBatchDelay.isNegative(), name, "max-batch-delay must not be negative, was " + maxBatchDelay);
	}

	private static void require(boolean condition, String name, String message) {
		if (!condition) {
			throw new IllegalArgumentException("Model '" + name + "': " + message);
		}
	}

}
