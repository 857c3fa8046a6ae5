package dev.funcboot.inference.batch;

import java.time.Duration;

import dev.funcboot.functions.RetryLaterException;

/**
 * The model's request queue is full: retryable, never poison (HTTP 429 with {@code Retry-After};
 * a queue message comes back later).
 */
public class QueueFullException extends RetryLaterException {

	public QueueFullException(String model, int queueSize, Duration retryAfter) {
		super("Model '" + model + "' has " + queueSize + " requests waiting, its queue-size; retry after "
				+ retryAfter.toMillis() + " ms, or raise funcboot.inference.models." + model
				+ ".queue-size / workers", Reason.OVERLOADED, retryAfter);
	}

}
