package dev.funcboot.trigger.storagequeue.binder;

import java.time.Duration;

import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;

/** Producer settings of a {@code storagequeue} binding ({@code spring.cloud.stream.storagequeue.bindings.<binding>.producer.*}). */
public class StorageQueueProducerProperties {

	/** Name of the storage connection, as the binder's client provider knows it. */
	private String connection = QueueClientProvider.DEFAULT_CONNECTION;

	/** How payload bytes are written as message text. */
	private MessageEncoding messageEncoding = QueueOptions.DEFAULT_MESSAGE_ENCODING;

	/** Whether to create the queue when it does not exist. */
	private boolean createQueue = true;

	/** How long sent messages live; the service's default (7 days) when unset, -1s for never. */
	private Duration timeToLive;

	/**
	 * Whether to wrap each message in a {@link TraceEnvelope} carrying its {@code traceparent}, so
	 * a Funcboot consumer continues the trace; only for queues whose consumers are Funcboot apps.
	 */
	private boolean traceEnvelope;

	public boolean isTraceEnvelope() {
		return this.traceEnvelope;
	}

	public void setTraceEnvelope(boolean traceEnvelope) {
		this.traceEnvelope = traceEnvelope;
	}

	public String getConnection() {
		return this.connection;
	}

	public void setConnection(String connection) {
		this.connection = connection;
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

	public Duration getTimeToLive() {
		return this.timeToLive;
	}

	public void setTimeToLive(Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

}
