package dev.funcboot.functions.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Results sent to a message broker through a Spring Cloud Stream binder.
 *
 * @param type {@link StreamTriggerBinding#KAFKA}, {@link StreamTriggerBinding#RABBIT},
 * {@link StreamTriggerBinding#EVENT_HUB} or {@link StreamTriggerBinding#SERVICE_BUS}
 * @param destination the topic, exchange, event hub or Service Bus queue/topic
 * @param binder the Spring Cloud Stream binder that reaches it
 * @param routingKey RabbitMQ only: the routing key of every message, or {@code null} for the
 * binder's default (the destination's name)
 * @param entityType Service Bus only: {@link #QUEUE} or {@link #TOPIC}; {@code null} elsewhere
 */
public record StreamOutputBinding(String type, String destination, String binder, String routingKey,
		String entityType) implements OutputBinding {

	public static final String QUEUE = "queue";

	public static final String TOPIC = "topic";

	public StreamOutputBinding {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(destination, "destination");
		Objects.requireNonNull(binder, "binder");
		routingKey = (routingKey == null || routingKey.isBlank()) ? null : routingKey;
		entityType = (entityType == null || entityType.isBlank()) ? null : entityType;
	}

	@Override
	public String type() {
		return this.type;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("destination", this.destination);
		map.put("binder", this.binder);
		if (this.routingKey != null) {
			map.put("routingKey", this.routingKey);
		}
		if (this.entityType != null) {
			map.put("entityType", this.entityType);
		}
		return map;
	}

}
