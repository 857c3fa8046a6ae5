package dev.funcboot.trigger.storagequeue.binder;

import java.time.Duration;

import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;

/**
 * Consumer settings of a {@code storagequeue} binding
 * ({@code spring.cloud.stream.storagequeue.bindings.<binding>.consumer.*}). The standard
 * {@code concurrency} sets the worker threads; {@code max-attempts} and the back-off settings of
 * Spring Cloud Stream are not used: retries happen on the queue (visibility timeout and dequeue
 * count), so they survive restarts. The consumer group is not used either: every consumer of a
 * queue competes for its messages.
 */
public class StorageQueueConsumerProperties {

	/** Name of the storage connection, as the binder's client provider knows it. */
	private String connection = QueueClientProvider.DEFAULT_CONNECTION;

	/** How many messages one poll fetches, 1 to 32. */
	private int batchSize = QueueOptions.DEFAULT_BATCH_SIZE;

	/** How many times a message is tried before it goes to the poison queue. */
	private int maxDequeueCount = QueueOptions.DEFAULT_MAX_DEQUEUE_COUNT;

	/** How long a failed (or requeued) message stays invisible before it is tried again. */
	private Duration visibilityTimeout = QueueOptions.DEFAULT_VISIBILITY_TIMEOUT;

	/** How long a received message stays invisible to other consumers; renewed at half-time until settled. */
	private Duration lease = QueueOptions.DEFAULT_LEASE;

	/** First wait after an empty poll; doubles up to the maximum while the queue stays empty. */
	private Duration minPollingInterval = QueueOptions.DEFAULT_MIN_POLLING_INTERVAL;

	/** Longest wait between polls of an idle queue. */
	private Duration maxPollingInterval = QueueOptions.DEFAULT_MAX_POLLING_INTERVAL;

	/** How message text maps to the payload bytes. */
	private MessageEncoding messageEncoding = QueueOptions.DEFAULT_MESSAGE_ENCODING;

	/** Whether to create the queue when it does not exist. */
	private boolean createQueue = true;

	/** How long stopping the binding waits for running messages before interrupting them. */
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	public String getConnection() {
		return this.connection;
	}

	public void setConnection(String connection) {
		this.connection = connection;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public int getMaxDequeueCount() {
		return this.maxDequeueCount;
	}

	public void setMaxDequeueCount(int maxDequeueCount) {
		this.maxDequeueCount = maxDequeueCount;
	}

	public Duration getVisibilityTimeout() {
		return this.visibilityTimeout;
	}

	public void setVisibilityTimeout(Duration visibilityTimeout) {
		this.visibilityTimeout = visibilityTimeout;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public Duration getMinPollingInterval() {
		return this.minPollingInterval;
	}

	public void setMinPollingInterval(Duration minPollingInterval) {
		this.minPollingInterval = minPollingInterval;
	}

	public Duration getMaxPollingInterval() {
		return this.maxPollingInterval;
	}

	public void setMaxPollingInterval(Duration maxPollingInterval) {
		this.maxPollingInterval = maxPollingInterval;
	}

	public MessageEncoding getMessageEncoding() {
		return this.messageEncoding;
	}

	public void setMessageEncoding(MessageEncoding messageEncoding) {
		this.messageEncoding = messageEncoding;
	}

	public boolean isCreateQueue() {
		return this.createQueue;
	}

	public void setCreateQueue(boolean createQueue) {
		this.createQueue = createQueue;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Checks the settings against the service's limits.
	 * @throws IllegalArgumentException naming the offending setting
	 */
	void validate() {
		// QueueOptions holds the limits; its constructor names the setting that breaks one
		new QueueOptions(this.batchSize, this.maxDequeueCount, this.visibilityTimeout, this.lease,
				this.minPollingInterval, this.maxPollingInterval, this.messageEncoding);
	}

}
