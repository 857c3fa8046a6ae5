package dev.funcboot.demo.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the HTTP function publishes accepted orders. */
@ConfigurationProperties("demo")
public class OrderEventsProperties {

	/** The topic (RabbitMQ exchange, Service Bus topic) accepted orders are published to. */
	private String ordersTopic = "orders";

	/** The binder that publishes them: rabbit locally, servicebus in Azure. */
	private String ordersBinder = "rabbit";

	/** The Kafka topic (event hub) of validated order events. */
	private String eventsTopic = "order-events";

	public String getOrdersTopic() {
		return this.ordersTopic;
	}

	public void setOrdersTopic(String ordersTopic) {
		this.ordersTopic = ordersTopic;
	}

	public String getOrdersBinder() {
		return this.ordersBinder;
	}

	public void setOrdersBinder(String ordersBinder) {
		this.ordersBinder = ordersBinder;
	}

	public String getEventsTopic() {
		return this.eventsTopic;
	}

	public void setEventsTopic(String eventsTopic) {
		this.eventsTopic = eventsTopic;
	}

}
