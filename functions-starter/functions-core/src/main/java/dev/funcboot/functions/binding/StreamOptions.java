package dev.funcboot.functions.binding;

import java.time.Duration;
import java.util.Objects;

/**
 * How a message-broker trigger (Kafka, RabbitMQ, Event Hubs, Service Bus) reads and settles
 * messages.
 *
 * @param batchSize how many messages one fetch takes at most (Kafka's {@code max.poll.records},
 * RabbitMQ's prefetch, the Azure binders' prefetch); a function taking {@code List<T>} gets them
 * as one batch
 * @param maxDeliveryCount how many times a message is tried before it is dead-lettered, unless the
 * function declares a retry policy, whose max attempts then count instead (Service Bus' max
 * delivery count)
 * @param retryDelay how long a failed message waits before it is tried again, unless the function
 * declares a retry policy, whose delays then count instead
 * @param deadLetter the dead-letter destination, or {@code null} for the broker's default
 * ({@code error.<topic>.<group>} on Kafka and Event Hubs, {@code <exchange>.<group>.dlq} on
 * RabbitMQ, the entity's own dead-letter sub-queue on Service Bus)
 */
public record StreamOptions(int batchSize, int maxDeliveryCount, Duration retryDelay, String deadLetter) {

	public static final int DEFAULT_BATCH_SIZE = 100;

	/** Service Bus' default max delivery count. */
	public static final int DEFAULT_MAX_DELIVERY_COUNT = 10;

	public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

	public static final StreamOptions DEFAULTS = new StreamOptions(DEFAULT_BATCH_SIZE, DEFAULT_MAX_DELIVERY_COUNT,
			DEFAULT_RETRY_DELAY, null);

	public StreamOptions {
		Objects.requireNonNull(retryDelay, "retryDelay");
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch-size must be at least 1, was " + batchSize);
		}
		if (maxDeliveryCount < 1) {
			throw new IllegalArgumentException("max-delivery-count must be at least 1, was " + maxDeliveryCount);
		}
		if (retryDelay.isNegative()) {
			throw new IllegalArgumentException("retry-delay must not be negative, was " + retryDelay);
		}
		deadLetter = (deadLetter == null || deadLetter.isBlank()) ? null : deadLetter.trim();
	}

}
