package dev.funcboot.trigger.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.PoisonMessageException;
import dev.funcboot.functions.annotation.EventHubOutput;
import dev.funcboot.functions.annotation.EventHubTrigger;
import dev.funcboot.functions.annotation.FixedDelayRetry;
import dev.funcboot.functions.annotation.KafkaOutput;
import dev.funcboot.functions.annotation.KafkaTrigger;
import dev.funcboot.functions.annotation.RabbitOutput;
import dev.funcboot.functions.annotation.RabbitTrigger;
import dev.funcboot.functions.annotation.ServiceBusOutput;
import dev.funcboot.functions.annotation.ServiceBusTrigger;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Annotated broker functions of every kind, for the wiring tests. */
@Configuration(proxyBeanMethods = false)
class BrokerFunctions {

	static final List<Object> calls = new CopyOnWriteArrayList<>();

	/**
	 * These functions with Funcboot's auto-configuration and no binder ({@code funcboot.stream.enabled}
	 * off): tests build a handler for one of them and hand it deliveries of their own.
	 */
	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					JacksonAutoConfiguration.class, FunctionsAutoConfiguration.class,
					StreamTriggerAutoConfiguration.class))
			.withPropertyValues("funcboot.stream.enabled=false")
			.withUserConfiguration(BrokerFunctions.class);
	}

	record Order(String id, int quantity) {
	}

	@Bean
	@KafkaTrigger(topic = "${orders.topic:orders}", group = "billing")
	@KafkaOutput(topic = "billed")
	Function<Order, String> bill() {
		return (order) -> {
			calls.add(order);
			return "billed " + order.id();
		};
	}

	@Bean
	@RabbitTrigger(exchange = "orders", routingKey = "orders.eu.#")
	@RabbitOutput(exchange = "shipments", routingKey = "eu")
	Function<Order, Order> ship() {
		return (order) -> order;
	}

	@Bean
	@EventHubTrigger(eventHub = "telemetry")
	@EventHubOutput(eventHub = "alerts")
	@FixedDelayRetry(maxAttempts = 3, delay = "10ms")
	Function<List<Order>, Integer> measure() {
		return (orders) -> {
			calls.add(orders);
			if (orders.stream().anyMatch((order) -> order.quantity() < 0)) {
				throw new IllegalStateException("sensor offline");
			}
			return orders.size();
		};
	}

	@Bean
	@ServiceBusTrigger(topic = "orders", subscription = "audit")
	@ServiceBusOutput(topic = "audited")
	Consumer<Order> audit() {
		return (order) -> {
			calls.add(order);
			if (order.quantity() == 0) {
				throw new PoisonMessageException("order " + order.id() + " is empty");
			}
			if (order.quantity() < 0) {
				throw new IllegalStateException("ledger locked");
			}
		};
	}

	@Bean
	@ServiceBusTrigger(queue = "payments")
	Consumer<Order> pay() {
		return (order) -> {
		};
	}

}
