package dev.funcboot.demo.orders;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.http.HttpRequestMessage;
import dev.funcboot.functions.http.HttpResponseMessage;
import dev.funcboot.functions.timer.TimerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The demo's functions: plain {@code java.util.function} beans with trigger annotations. */
@Configuration(proxyBeanMethods = false)
public class OrderFunctions {

	private static final Logger logger = LoggerFactory.getLogger(OrderFunctions.class);

	/** Anonymous: anyone may read the catalogue. */
	@Bean
	@HttpTrigger(route = "products", methods = HttpMethod.GET, authLevel = AuthLevel.ANONYMOUS)
	Supplier<List<String>> products() {
		return () -> OrderRules.PRODUCTS;
	}

	/** Key-protected: creates an order and answers 201 with its location. */
	@Bean
	@HttpTrigger(route = "orders", methods = HttpMethod.POST, authLevel = AuthLevel.FUNCTION)
	Function<HttpRequestMessage<NewOrder>, HttpResponseMessage> createOrder(OrderRepository orders, Clock clock) {
		return (request) -> {
			NewOrder order = OrderRules.check(request.getBody());
			Order saved = orders.save(order, clock.instant());
			logger.info("Accepted order {} ({} x {})", saved.id(), saved.quantity(), saved.product());
			return request.createResponseBuilder(201)
				.header("Location", "/api/orders/" + saved.id())
				.body(saved)
				.build();
		};
	}

	/** Key-protected: one order by id; the route constraint turns '/orders/abc' into a 404. */
	@Bean
	@HttpTrigger(route = "orders/{id:long}", methods = HttpMethod.GET, authLevel = AuthLevel.FUNCTION)
	Function<OrderLookup, HttpResponseMessage> getOrder(OrderRepository orders) {
		return (lookup) -> orders.find(lookup.id())
			.map(HttpResponseMessage::ok)
			.orElseGet(() -> HttpResponseMessage.status(404)
				.header("Content-Type", "application/problem+json")
				.body(Map.of("title", "Not Found", "status", 404, "detail", "No order " + lookup.id()))
				.build());
	}

	/** Key-protected: the latest orders, '?limit=' bound into the input. */
	@Bean
	@HttpTrigger(route = "orders", methods = HttpMethod.GET, authLevel = AuthLevel.FUNCTION)
	Function<RecentOrders, List<Order>> listOrders(OrderRepository orders) {
		return (query) -> orders.recent((query.limit() > 0) ? Math.min(query.limit(), 100) : 20);
	}

	/** Every minute, once across all replicas: deletes orders past their retention. */
	@Bean
	@TimerTrigger("${demo.cleanup.schedule:0 * * * * *}")
	Consumer<TimerInfo> cleanupOrders(OrderRepository orders, Clock clock,
			@Value("${demo.retention:PT1H}") Duration retention) {
		return (timer) -> {
			int deleted = orders.deleteOlderThan(clock.instant().minus(retention));
			logger.info("Clean-up at {} (past due: {}): deleted {} orders older than {}", timer.scheduledTime(),
					timer.isPastDue(), deleted, retention);
		};
	}

	/** Input of {@code getOrder}: the route value {@code id}. */
	public record OrderLookup(long id) {
	}

	/** Input of {@code listOrders}: the query parameter {@code limit}. */
	public record RecentOrders(int limit) {
	}

}
