package dev.funcboot.trigger.stream;

import java.time.Duration;

import dev.funcboot.functions.binding.StreamOptions;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults of the message-broker triggers (Kafka, RabbitMQ, Event Hubs, Service Bus); each
 * function may override them under {@code funcboot.functions.<name>.<broker>.*}.
 */
@ConfigurationProperties("funcboot.stream")
public class StreamProperties {

	/** Whether broker functions are bound to their brokers; bindings are still resolved and validated when off. */
	private boolean enabled = true;

	/** Whether the bindings start with the application context. */
	private boolean autoStartup = true;

	/** How many messages one fetch takes at most (Kafka max.poll.records, RabbitMQ prefetch). */
	private int batchSize = StreamOptions.DEFAULT_BATCH_SIZE;

	/** How many times a message is tried before it is dead-lettered, when the function declares no retry policy. */
	private int maxDeliveryCount = StreamOptions.DEFAULT_MAX_DELIVERY_COUNT;

	/** How long a failed message waits before it is tried again, when the function declares no retry policy. */
	private Duration retryDelay = StreamOptions.DEFAULT_RETRY_DELAY;

	/** How long a stopping binding waits for the message in progress before it lets go of it. */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

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

	public int getMaxDeliveryCount() {
		return this.maxDeliveryCount;
	}

	public void setMaxDeliveryCount(int maxDeliveryCount) {
		this.maxDeliveryCount = maxDeliveryCount;
	}

	public Duration getRetryDelay() {
		return this.retryDelay;
	}

	public void setRetryDelay(Duration retryDelay) {
		this.retryDelay = retryDelay;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	/** The defaults as options; fails with the property's name when one is out of range. */
	StreamOptions toOptions() {
		try {
			return new StreamOptions(this.batchSize, this.maxDeliveryCount, this.retryDelay, null);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("funcboot.stream is invalid: " + ex.getMessage(), ex);
		}
	}

}
