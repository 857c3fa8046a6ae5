package dev.funcboot.demo.approval;

import java.util.function.Consumer;

import dev.funcboot.demo.approval.Workflows.Order;
import dev.funcboot.durable.client.DurableClient;
import dev.funcboot.functions.PoisonMessageException;
import dev.funcboot.functions.annotation.DaprTopicTrigger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The {@code dapr} profile: orders also arrive through Dapr pub/sub (component
 * {@code orders-pubsub}, topic {@code orders}; see {@code dapr/components/}) and each starts the
 * approval orchestration. Dapr delivers at least once, so the instance id is derived from the
 * order id: a redelivered order finds its orchestration and is acknowledged, not started twice.
 */
@Configuration(proxyBeanMethods = false)
@Profile("dapr")
public class DaprOrders {

	private static final Log logger = LogFactory.getLog(DaprOrders.class);

	@Bean
	@DaprTopicTrigger(pubsub = "${demo.dapr.pubsub:orders-pubsub}", topic = "${demo.dapr.topic:orders}",
			deadLetterTopic = "${demo.dapr.dead-letter-topic:orders-dead}")
	Consumer<Order> orderFromTopic(DurableClient durable) {
		return (order) -> {
			if (order.id() == null || order.id().isBlank() || order.quantity() < 1) {
				// answered DROP: the sidecar moves it to the dead-letter topic
				throw new PoisonMessageException("an order needs an id and a quantity of at least 1");
			}
			String instanceId = "order-" + order.id();
			if (durable.getInstance(instanceId) != null) {
				logger.info("Order " + order.id() + " was delivered again; its approval " + instanceId
						+ " already exists");
				return;
			}
			durable.scheduleNewOrchestration("orderApproval", order, instanceId, null);
		};
	}

}
