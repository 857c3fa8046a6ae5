package dev.funcboot.functions.binding;

import java.time.Duration;
import java.util.Objects;

/**
 * How a queue trigger reads and settles messages. The defaults are Azure Functions' own.
 *
 * @param batchSize how many messages one poll fetches (1 to 32); they are processed in parallel up
 * to the function's concurrency limit
 * @param maxDequeueCount how many times a message is tried before it goes to the poison queue,
 * unless the function declares a retry policy, whose max attempts then count instead
 * @param visibilityTimeout how long a failed message stays invisible before it is tried again,
 * unless the function declares a retry policy, whose delays then count instead
 * @param lease how long a received message stays invisible to other consumers; renewed at
 * half-time while the function runs, so it bounds how soon a crashed replica's messages return
 * @param minPollingInterval the first wait after an empty poll
 * @param maxPollingInterval the longest wait between polls of an idle queue
 * @param messageEncoding how message text maps to bytes: {@code BASE64} (Azure Functions' default)
 * or {@code NONE}
 */
public record QueueOptions(int batchSize, int maxDequeueCount, Duration visibilityTimeout, Duration lease,
		Duration minPollingInterval, Duration maxPollingInterval, MessageEncoding messageEncoding) {

	/** The most messages the Storage service returns for one request. */
	public static final int MAX_BATCH_SIZE = 32;

	public static final int DEFAULT_BATCH_SIZE = 16;

	public static final int DEFAULT_MAX_DEQUEUE_COUNT = 5;

	public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ZERO;

	public static final Duration DEFAULT_LEASE = Duration.ofMinutes(1);

	public static final Duration DEFAULT_MIN_POLLING_INTERVAL = Duration.ofMillis(100);

	public static final Duration DEFAULT_MAX_POLLING_INTERVAL = Duration.ofMinutes(1);

	public static final MessageEncoding DEFAULT_MESSAGE_ENCODING = MessageEncoding.BASE64;

	/** The longest a message may stay invisible (a Storage service limit). */
	public static final Duration MAX_VISIBILITY = Duration.ofDays(7);

	public static final QueueOptions DEFAULTS = new QueueOptions(DEFAULT_BATCH_SIZE, DEFAULT_MAX_DEQUEUE_COUNT,
			DEFAULT_VISIBILITY_TIMEOUT, DEFAULT_LEASE, DEFAULT_MIN_POLLING_INTERVAL, DEFAULT_MAX_POLLING_INTERVAL,
			DEFAULT_MESSAGE_ENCODING);

	public QueueOptions {
		Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
		Objects.requireNonNull(lease, "lease");
		Objects.requireNonNull(minPollingInterval, "minPollingInterval");
		Objects.requireNonNull(maxPollingInterval, "maxPollingInterval");
		Objects.requireNonNull(messageEncoding, "messageEncoding");
		if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
			throw new IllegalArgumentException("batch-size must be between 1 and " + MAX_BATCH_SIZE + ", was " + batchSize);
		}
		if (maxDequeueCount < 1) {
			throw new IllegalArgumentException("max-dequeue-count must be at least 1, was " + maxDequeueCount);
		}
		if (visibilityTimeout.isNegative() || visibilityTimeout.compareTo(MAX_VISIBILITY) > 0) {
			throw new IllegalArgumentException("visibility-timeout must be between 0 and 7 days, was " + visibilityTimeout);
		}
		if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(MAX_VISIBILITY) > 0) {
			throw new IllegalArgumentException("lease must be between 1 second and 7 days, was " + lease);
		}
		if (minPollingInterval.isNegative() || minPollingInterval.isZero()) {
			throw new IllegalArgumentException("min-polling-interval must be positive, was " + minPollingInterval);
		}
		if (maxPollingInterval.compareTo(minPollingInterval) < 0) {
			throw new IllegalArgumentException("max-polling-interval (" + maxPollingInterval
					+ ") must not be shorter than min-polling-interval (" + minPollingInterval + ")");
		}
	}

	/** How message text maps to the bytes the function sees. */
	public enum MessageEncoding {

		/** The text is the Base64 form of the bytes, as Azure Functions writes and expects. */
		BASE64,

		/** The text is the payload itself, in UTF-8. */
		NONE

	}

}
