package dev.funcboot.functions.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A function bound to a message broker through a Spring Cloud Stream binder: Kafka, RabbitMQ,
 * Event Hubs or Service Bus. The same shape for all four, in Spring Cloud Stream's words.
 *
 * @param type the trigger type: {@link #KAFKA}, {@link #RABBIT}, {@link #EVENT_HUB} or
 * {@link #SERVICE_BUS}
 * @param destination the topic (Kafka, Service Bus topic), exchange (RabbitMQ), event hub or
 * Service Bus queue
 * @param group the consumer group (Kafka, Event Hubs), queue group (RabbitMQ: the queue is
 * {@code <exchange>.<group>}) or subscription (Service Bus topic); empty for a Service Bus queue
 * @param binder the Spring Cloud Stream binder that reaches the broker ({@code kafka},
 * {@code rabbit}, {@code eventhubs}, {@code servicebus}); an event hub may be read with
 * {@code kafka} through its Kafka endpoint, and locally a Service Bus function with {@code rabbit}
 * @param routingKey RabbitMQ only: the binding key of the queue ({@code #} for every message)
 * @param options batching, delivery count, retry delay and dead-letter destination
 */
public record StreamTriggerBinding(String type, String destination, String group, String binder, String routingKey,
		StreamOptions options) implements TriggerBinding {

	public static final String KAFKA = "kafka";

	public static final String RABBIT = "rabbit";

	public static final String EVENT_HUB = "eventhub";

	public static final String SERVICE_BUS = "servicebus";

	public StreamTriggerBinding {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(destination, "destination");
		Objects.requireNonNull(binder, "binder");
		Objects.requireNonNull(options, "options");
		group = (group != null) ? group : "";
	}

	@Override
	public String type() {
		return this.type;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("destination", this.destination);
		map.put("group", this.group);
		map.put("binder", this.binder);
		if (this.routingKey != null) {
			map.put("routingKey", this.routingKey);
		}
		map.put("batchSize", this.options.batchSize());
		map.put("maxDeliveryCount", this.options.maxDeliveryCount());
		map.put("retryDelay", this.options.retryDelay().toString());
		if (this.options.deadLetter() != null) {
			map.put("deadLetter", this.options.deadLetter());
		}
		return map;
	}

}
