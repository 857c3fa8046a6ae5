package dev.funcboot.trigger.storagequeue.binder;

/**
 * Headers of the messages the {@code storagequeue} binder delivers. The pop receipt is never a
 * header: it is the right to delete the message and stays inside the
 * {@link StorageQueueAcknowledgment}.
 */
public final class StorageQueueHeaders {

	public static final String PREFIX = "storagequeue_";

	/** The message id ({@code String}), stable across deliveries. */
	public static final String MESSAGE_ID = PREFIX + "messageId";

	/** How many times the message has been received, this delivery included ({@code Long}). */
	public static final String DEQUEUE_COUNT = PREFIX + "dequeueCount";

	/** When the message was added to the queue ({@code Instant}). */
	public static final String INSERTION_TIME = PREFIX + "insertionTime";

	/** When the queue drops the message unless it is deleted before ({@code Instant}). */
	public static final String EXPIRATION_TIME = PREFIX + "expirationTime";

	/** The queue the message was read from ({@code String}). */
	public static final String QUEUE = PREFIX + "queue";

	/**
	 * The {@link StorageQueueAcknowledgment} that settles the message; also under Spring
	 * Integration's {@code acknowledgmentCallback} header.
	 */
	public static final String ACKNOWLEDGMENT = PREFIX + "acknowledgment";

	/**
	 * In batch mode ({@code spring.cloud.stream.bindings.<binding>.consumer.batch-mode=true}, the
	 * payload a {@code List<byte[]>}): the {@code List<StorageQueueAcknowledgment>} of the batch, in
	 * payload order; each one also tells its message's id, dequeue count and times.
	 */
	public static final String ACKNOWLEDGMENTS = PREFIX + "acknowledgments";

	private StorageQueueHeaders() {
	}

}
