package dev.funcboot.trigger.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.funcboot.functions.PoisonMessageException;
import dev.funcboot.functions.RetryLaterException;
import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.FunctionOptions;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.http.HttpRequestMessage;
import dev.funcboot.functions.http.HttpResponseMessage;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Functions covering every HTTP trigger feature, shared by the HTTP tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class HttpTestFunctions {

	/** Counts calls of the key-protected function, to prove no path reaches it without a key. */
	public static final AtomicInteger secretCalls = new AtomicInteger();

	/** Released by tests to let {@code limited} finish. */
	public static volatile CountDownLatch limitedRelease = new CountDownLatch(0);

	public static volatile CountDownLatch limitedEntered = new CountDownLatch(1);

	public record OrderQuery(int id, String expand) {
	}

	public record Order(int id, String item, int quantity, String expand) {
	}

	public record NewOrder(String item, int quantity, List<String> tags) {
	}

	@Bean
	@HttpTrigger(route = "hello", methods = HttpMethod.GET, authLevel = AuthLevel.ANONYMOUS)
	Supplier<String> hello() {
		return () -> "Hello, Funcboot";
	}

	@Bean
	@HttpTrigger(route = "orders/{id:int}", methods = { HttpMethod.GET }, authLevel = AuthLevel.FUNCTION)
	Function<OrderQuery, Order> getOrder() {
		return (query) -> new Order(query.id(), "book", 1, query.expand());
	}

	@Bean
	@HttpTrigger(route = "orders", methods = HttpMethod.POST, authLevel = AuthLevel.FUNCTION)
	Function<HttpRequestMessage<NewOrder>, HttpResponseMessage> createOrder() {
		return (request) -> {
			NewOrder order = request.getBody();
			if (order.quantity() <= 0) {
				throw new PoisonMessageException("quantity must be positive, was " + order.quantity());
			}
			return request.createResponseBuilder(201)
				.header("Location", "/api/orders/7")
				.header("X-Item", order.item())
				.body(Map.of("id", 7, "item", order.item(), "quantity", order.quantity(), "invocationId",
						request.getContext().invocationId()))
				.build();
		};
	}

	@Bean
	@HttpTrigger(route = "secret", authLevel = AuthLevel.FUNCTION)
	Function<String, String> secret() {
		return (body) -> {
			secretCalls.incrementAndGet();
			return "secret:" + body;
		};
	}

	@Bean
	@HttpTrigger(route = "ops/purge", methods = HttpMethod.POST, authLevel = AuthLevel.ADMIN)
	Supplier<String> purge() {
		return () -> "purged";
	}

	@Bean
	@HttpTrigger(route = "reports/{year:int}/{month:range(1,12)?}", methods = HttpMethod.GET,
			authLevel = AuthLevel.ANONYMOUS)
	Function<HttpRequestMessage<Void>, Map<String, String>> report() {
		return (request) -> request.getRouteValues();
	}

	@Bean
	@HttpTrigger(route = "files/{*path}", methods = HttpMethod.GET, authLevel = AuthLevel.ANONYMOUS)
	Function<HttpRequestMessage<Void>, String> file() {
		return (request) -> "file:" + request.getRouteValues().get("path");
	}

	@Bean
	@HttpTrigger(route = "slow", authLevel = AuthLevel.ANONYMOUS)
	@FunctionOptions(timeout = "${test.slow-timeout:200ms}")
	Supplier<String> slow() {
		return () -> {
			try {
				Thread.sleep(Duration.ofSeconds(30).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "late";
		};
	}

	@Bean
	@HttpTrigger(route = "limited", authLevel = AuthLevel.ANONYMOUS)
	@FunctionOptions(maxConcurrency = 1)
	Supplier<String> limited() {
		return () -> {
			limitedEntered.countDown();
			try {
				limitedRelease.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "done";
		};
	}

	@Bean
	@HttpTrigger(route = "busy", authLevel = AuthLevel.ANONYMOUS)
	Supplier<String> busy() {
		return () -> {
			throw new IllegalStateException("wrapped",
					new RetryLaterException("Queue of 'busy' is full", RetryLaterException.Reason.OVERLOADED,
							Duration.ofMillis(2500)));
		};
	}

	@Bean
	@HttpTrigger(route = "warming", authLevel = AuthLevel.ANONYMOUS)
	Supplier<String> warming() {
		return () -> {
			throw new RetryLaterException("'warming' is still loading", RetryLaterException.Reason.UNAVAILABLE,
					Duration.ofSeconds(5));
		};
	}

	@Bean
	@HttpTrigger(route = "boom", authLevel = AuthLevel.ANONYMOUS)
	Supplier<String> boom() {
		return () -> {
			throw new IllegalStateException("database password is hunter2");
		};
	}

	@Bean
	@HttpTrigger(route = "notes", methods = HttpMethod.POST, authLevel = AuthLevel.ANONYMOUS)
	Consumer<NewOrder> note() {
		return (order) -> {
		};
	}

	@Bean
	@HttpTrigger(route = "bytes", methods = HttpMethod.POST, authLevel = AuthLevel.ANONYMOUS)
	Function<byte[], Integer> length() {
		return (bytes) -> bytes.length;
	}

	/** Composed in properties: funcboot.functions.shout.definition=uppercase|exclaim. */
	@Bean
	Function<String, String> uppercase() {
		return (text) -> text.toUpperCase(Locale.ROOT);
	}

	@Bean
	Function<String, String> exclaim() {
		return (text) -> text + "!";
	}

	@RestController
	static class PlainController {

		@GetMapping("/plain")
		String plain() {
			return "plain";
		}

	}

}
