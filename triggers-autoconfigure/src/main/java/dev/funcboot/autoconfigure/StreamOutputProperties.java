package dev.funcboot.autoconfigure;

/**
 * A function's message-broker output
 * ({@code funcboot.functions.<name>.kafka-output|rabbit-output|event-hub-output|service-bus-output.*});
 * values here override the output annotation.
 */
public class StreamOutputProperties {

	/** The topic, exchange, event hub or Service Bus queue/topic the results are sent to. */
	private String destination;

	/** Spring Cloud Stream binder that reaches it: kafka, rabbit, eventhubs or servicebus. */
	private String binder;

	/** RabbitMQ only: the routing key of every message; defaults to the exchange's name. */
	private String routingKey;

	/** Service Bus only: whether the destination is a queue or a topic; defaults to queue. */
	private String entityType;

	public String getDestination() {
		return this.destination;
	}

	public void setDestination(String destination) {
		this.destination = destination;
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

	public String getEntityType() {
		return this.entityType;
	}

	public void setEntityType(String entityType) {
		this.entityType = entityType;
	}

}
