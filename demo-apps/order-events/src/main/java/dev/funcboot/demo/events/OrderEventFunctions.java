package dev.funcboot.demo.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.funcboot.functions.PoisonMessageException;
import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.annotation.KafkaOutput;
import dev.funcboot.functions.annotation.KafkaTrigger;
import dev.funcboot.functions.annotation.RabbitTrigger;
import dev.funcboot.functions.http.HttpResponseMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pipeline of the demo, as plain function beans:
 * <ol>
 * <li>{@code acceptOrder} (HTTP POST /api/orders) gives the order an id and publishes it to the
 * {@code orders} topic exchange on RabbitMQ (a Service Bus topic in Azure);</li>
 * <li>{@code validateOrder} (its subscription {@code validate}) checks it: a bad order is poison
 * and goes to the dead-letter queue with the reason; a good one goes to the Kafka topic
 * {@code order-events} (an event hub in Azure) through {@code @KafkaOutput};</li>
 * <li>{@code aggregateOrders} takes {@code order-events} in batches and counts quantities per
 * product; {@code productCounts} (HTTP GET /api/counts) shows them.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class OrderEventFunctions {

	private static final Logger logger = LoggerFactory.getLogger(OrderEventFunctions.class);

	@Bean
	ProductCounts productCountsStore() {
		return new ProductCounts();
	}

	/** Accepts an order and publishes it; answers 202 with the order's id. */
	@Bean
	@HttpTrigger(route = "orders", methods = HttpMethod.POST, authLevel = AuthLevel.ANONYMOUS)
	Function<Order, HttpResponseMessage> acceptOrder(StreamBridge bridge, OrderEventsProperties properties) {
		return (order) -> {
			Order accepted = new Order(UUID.randomUUID().toString(), order.product(), order.quantity());
			if (!bridge.send(properties.getOrdersTopic(), properties.getOrdersBinder(), accepted)) {
				throw new IllegalStateException("order " + accepted.id() + " was not published");
			}
			return HttpResponseMessage.status(202).body(Map.of("id", accepted.id())).build();
		};
	}

	/** Validates each published order and forwards the good ones to Kafka. */
	@Bean
	@RabbitTrigger(exchange = "${demo.orders-topic:orders}", group = "validate")
	@KafkaOutput(topic = "${demo.events-topic:order-events}")
	Function<Order, OrderEvent> validateOrder() {
		return (order) -> {
			if (order.product() == null || order.product().isBlank()) {
				throw new PoisonMessageException("order " + order.id() + " names no product");
			}
			if (order.quantity() < 1 || order.quantity() > 100) {
				throw new PoisonMessageException(
						"order " + order.id() + ": quantity must be between 1 and 100, was " + order.quantity());
			}
			return new OrderEvent(order.id(), order.product(), order.quantity());
		};
	}

	/** Counts ordered quantities per product, a batch of events at a time. */
	@Bean
	@KafkaTrigger(topic = "${demo.events-topic:order-events}", group = "aggregate")
	Consumer<List<OrderEvent>> aggregateOrders(ProductCounts counts) {
		return (events) -> {
			events.forEach((event) -> counts.add(event.product(), event.quantity()));
			logger.info("Aggregated {} order event(s): {}", events.size(), counts.snapshot());
		};
	}

	/** The counts so far. */
	@Bean
	@HttpTrigger(route = "counts", methods = HttpMethod.GET, authLevel = AuthLevel.ANONYMOUS)
	Supplier<Map<String, Long>> productCounts(ProductCounts counts) {
		return counts::snapshot;
	}

}
