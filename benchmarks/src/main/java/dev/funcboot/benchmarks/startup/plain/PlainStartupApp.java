package dev.funcboot.benchmarks.startup.plain;

import java.util.Map;

import dev.funcboot.benchmarks.startup.Orders.NewOrder;
import dev.funcboot.benchmarks.startup.Orders.Order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the start-up benchmark: the same class path as the order-intake demo
 * (Spring MVC, Actuator, JDBC, H2, Spring Cloud Function, ShedLock, Funcboot's jars), every
 * Funcboot auto-configuration excluded, and the demo's anonymous path served by a
 * {@code @RestController}.
 * {@code PlainStartupAppTests} checks that the exclusions cover every Funcboot
 * auto-configuration on the class path.
 */
@SpringBootApplication(excludeName = { "dev.funcboot.autoconfigure.FunctionsAutoConfiguration",
		"dev.funcboot.trigger.http.HttpTriggerAutoConfiguration",
		"dev.funcboot.trigger.timer.TimerTriggerAutoConfiguration",
		"dev.funcboot.actuate.FuncbootEndpointAutoConfiguration",
		"dev.funcboot.trigger.storagequeue.StorageQueueTriggerAutoConfiguration",
		"dev.funcboot.trigger.storagequeue.binder.StorageQueueBinderDefaultsAutoConfiguration",
		"dev.funcboot.scaling.ScalingAutoConfiguration",
		"dev.funcboot.trigger.dapr.DaprTriggerAutoConfiguration",
		"dev.funcboot.trigger.stream.StreamTriggerAutoConfiguration",
		"dev.funcboot.trigger.kafka.KafkaTriggerAutoConfiguration",
		"dev.funcboot.trigger.rabbit.RabbitTriggerAutoConfiguration",
		"dev.funcboot.trigger.eventhubs.EventHubsTriggerAutoConfiguration",
		"dev.funcboot.trigger.servicebus.ServiceBusTriggerAutoConfiguration",
		"dev.funcboot.trigger.cosmos.CosmosTriggerAutoConfiguration",
		"dev.funcboot.trigger.blob.BlobTriggerAutoConfiguration",
		"dev.funcboot.actuate.metrics.InvocationMetricsAutoConfiguration" })
public class PlainStartupApp {

	public static void main(String[] args) {
		SpringApplication.run(PlainStartupApp.class, args);
	}

	@RestController
	static class OrdersController {

		@GetMapping("/api/health")
		Map<String, String> health() {
			return Map.of("status", "UP");
		}

		@GetMapping("/api/products")
		java.util.List<String> products() {
			return java.util.List.of("espresso", "flat-white", "croissant");
		}

		@PostMapping("/api/orders")
		Order createOrder(@RequestBody NewOrder order) {
			return new Order(7, order.item(), order.quantity());
		}

		@GetMapping("/api/orders/{id}")
		Order getOrder(@PathVariable int id) {
			return new Order(id, "book", 1);
		}

	}

}
