package dev.funcboot.functions.queue;

import java.time.Instant;

/**
 * A Storage queue message with its metadata, for functions that need more than the body:
 * declare the function as {@code Consumer<QueueMessage<Order>>}.
 *
 * @param <T> the type the body is decoded into ({@code String}, {@code byte[]} or a JSON-mapped type)
 * @param body the decoded body
 * @param id the message id, stable across deliveries
 * @param queue the queue it was read from
 * @param dequeueCount how many times it has been received, this delivery included
 * @param insertionTime when it was added to the queue
 * @param expirationTime when the queue drops it unless it is deleted before
 */
public record QueueMessage<T>(T body, String id, String queue, long dequeueCount, Instant insertionTime,
		Instant expirationTime) {
}
