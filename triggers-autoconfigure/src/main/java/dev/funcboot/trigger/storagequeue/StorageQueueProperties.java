package dev.funcboot.trigger.storagequeue;

import java.time.Duration;

import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Storage queue trigger settings shared by every queue function; each may override them under
 * {@code funcboot.functions.<name>.queue.*}. The defaults are Azure Functions' own.
 */
@ConfigurationProperties("funcboot.queue")
public class StorageQueueProperties {

	/** Whether queue functions receive messages in this application; when false, bindings are still validated and listed. */
	private boolean enabled = true;

	/**
	 * Whether the queue listeners start with the application. When false, they start only when
	 * the QueueTriggerBindings lifecycle is started explicitly, as tests without a storage account do.
	 */
	private boolean autoStartup = true;

	/** How many messages one poll fetches, 1 to 32; they run in parallel up to the function's max-concurrency. */
	private int batchSize = QueueOptions.DEFAULT_BATCH_SIZE;

	/**
	 * How many times a message is tried before it goes to the poison queue, for functions without
	 * a retry policy (with one, its max-attempts counts).
	 */
	private int maxDequeueCount = QueueOptions.DEFAULT_MAX_DEQUEUE_COUNT;

	/**
	 * How long a failed message stays invisible before it is tried again, for functions without a
	 * retry policy (with one, its delays count).
	 */
	private Duration visibilityTimeout = QueueOptions.DEFAULT_VISIBILITY_TIMEOUT;

	/**
	 * How long a received message stays invisible to other consumers; renewed at half-time while
	 * it is processed, so it bounds how soon the messages of a crashed replica return.
	 */
	private Duration lease = QueueOptions.DEFAULT_LEASE;

	/** First wait after an empty poll; doubles with every further empty poll. */
	private Duration minPollingInterval = QueueOptions.DEFAULT_MIN_POLLING_INTERVAL;

	/** Longest wait between polls of an idle queue. */
	private Duration maxPollingInterval = QueueOptions.DEFAULT_MAX_POLLING_INTERVAL;

	/** How message text maps to bytes, for triggers, outputs and poison envelopes: base64 or none. */
	private MessageEncoding messageEncoding = QueueOptions.DEFAULT_MESSAGE_ENCODING;

	/** Whether to create trigger, poison and output queues that do not exist. */
	private boolean createQueues = true;

	/**
	 * Whether output queues get messages wrapped in an envelope carrying the trace context
	 * ({@code traceparent}), so a Funcboot function consuming them continues the trace. Storage
	 * queue messages have no metadata of their own; leave it off for queues read by other
	 * consumers, which would see the envelope. Consumers unwrap envelopes whatever this says.
	 */
	private boolean traceEnvelope;

	public boolean isTraceEnvelope() {
		return this.traceEnvelope;
	}

	public void setTraceEnvelope(boolean traceEnvelope) {
		this.traceEnvelope = traceEnvelope;
	}

	/** How long stopping the application waits for running queue functions before interrupting them. */
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	/** The defaults as options of a function that overrides nothing. */
	public QueueOptions toOptions() {
		return new QueueOptions(this.batchSize, this.maxDequeueCount, this.visibilityTimeout, this.lease,
				this.minPollingInterval, this.maxPollingInterval, this.messageEncoding);
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
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

	public boolean isCreateQueues() {
		return this.createQueues;
	}

	public void setCreateQueues(boolean createQueues) {
		this.createQueues = createQueues;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

}
