package dev.funcboot.autoconfigure;

import java.time.Duration;

/**
 * A function's message-broker trigger ({@code funcboot.functions.<name>.kafka|rabbit|event-hub|service-bus.*}),
 * in Spring Cloud Stream's words: destination, group, binder and consumer options. Values here
 * override the trigger annotation; {@code funcboot.stream.*} sets the defaults.
 */
public class StreamTriggerProperties {

	/**
	 * The topic (Kafka, Service Bus topic), exchange (RabbitMQ), event hub or Service Bus queue the
	 * function reads.
	 */
	private String destination;

	/**
	 * The consumer group (Kafka, Event Hubs), queue group (RabbitMQ: the queue is
	 * '<exchange>.<group>') or subscription (Service Bus topic). Defaults to the function's name
	 * (Event Hubs: '$Default').
	 */
	private String group;

	/** Spring Cloud Stream binder that reaches the broker: kafka, rabbit, eventhubs or servicebus. */
	private String binder;

	/** RabbitMQ only: the binding key of the queue; '#' takes every message. */
	private String routingKey;

	/** How many messages one fetch takes at most (Kafka max.poll.records, RabbitMQ prefetch). */
	private Integer batchSize;

	/** How many times a message is tried before it is dead-lettered, when the function declares no retry policy. */
	private Integer maxDeliveryCount;

	/** How long a failed message waits before it is tried again, when the function declares no retry policy. */
	private Duration retryDelay;

	/** Dead-letter destination; defaults to the broker's convention. */
	private String deadLetter;

	public String getDestination() {
		return this.destination;
	}

	public void setDestination(String destination) {
		this.destination = destination;
	}

	public String getGroup() {
		return this.group;
	}

	public void setGroup(String group) {
		this.group = group;
	}

	public String getBinder() {
		return this.binder;
	}

	public void setBinder(String binder) {
		this.binder = binder;
	}

	public String getRoutingKey() {
		return this.routingKey;
	}

	public void setRoutingKey(String routingKey) {
		this.routingKey = routingKey;
	}

	public Integer getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(Integer batchSize) {
		this.batchSize = batchSize;
	}

	public Integer getMaxDeliveryCount() {
		return this.maxDeliveryCount;
	}

	public void setMaxDeliveryCount(Integer maxDeliveryCount) {
		this.maxDeliveryCount = maxDeliveryCount;
	}

	public Duration getRetryDelay() {
		return this.retryDelay;
	}

	public void setRetryDelay(Duration retryDelay) {
		this.retryDelay = retryDelay;
	}

	public String getDeadLetter() {
		return this.deadLetter;
	}

	public void setDeadLetter(String deadLetter) {
		this.deadLetter = deadLetter;
	}

}
