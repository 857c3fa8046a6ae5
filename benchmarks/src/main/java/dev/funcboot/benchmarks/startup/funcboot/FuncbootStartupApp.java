package dev.funcboot.benchmarks.startup.funcboot;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.funcboot.benchmarks.startup.Orders.NewOrder;
import dev.funcboot.benchmarks.startup.Orders.Order;
import dev.funcboot.benchmarks.startup.Orders.OrderQuery;
import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Funcboot side of the start-up benchmark, shaped like the order-intake demo: an anonymous
 * health function and two key-protected order functions. {@code PlainStartupApp} serves the
 * same paths from a controller, with the same class path.
 */
@SpringBootApplication
public class FuncbootStartupApp {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(FuncbootStartupApp.class);
		// keys are configured in a real deployment; generating a master key is not what we measure
		application.setDefaultProperties(Map.of("funcboot.keys.master", "bench-master-key-0123456789abcdef",
				"funcboot.keys.host.default", "bench-host-key-0123456789abcdef"));
		application.run(args);
	}

	@Bean
	@HttpTrigger(route = "health", methods = HttpMethod.GET, authLevel = AuthLevel.ANONYMOUS)
	Supplier<Map<String, String>> health() {
		return () -> Map.of("status", "UP");
	}

	@Bean
	@HttpTrigger(route = "orders", methods = HttpMethod.POST, authLevel = AuthLevel.FUNCTION)
	Function<NewOrder, Order> createOrder() {
		return (order) -> new Order(7, order.item(), order.quantity());
	}

	@Bean
	@HttpTrigger(route = "orders/{id:int}", methods = HttpMethod.GET, authLevel = AuthLevel.FUNCTION)
	Function<OrderQuery, Order> getOrder() {
		return (query) -> new Order(query.id(), "book", 1);
	}

}
