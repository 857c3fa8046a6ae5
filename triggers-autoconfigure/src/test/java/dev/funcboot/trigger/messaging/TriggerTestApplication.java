package dev.funcboot.trigger.messaging;

import java.util.function.Consumer;
import java.util.function.Function;

import dev.funcboot.functions.PoisonMessageException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Plain function beans, without trigger annotations: each test binds the ones it needs to its
 * broker with properties, so the same functions serve every message trigger.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TriggerTestApplication {

	/** What every test sends: an order. */
	public record Order(String id, int quantity) {
	}

	/** What the {@code confirm} function returns. */
	public record Confirmation(String orderId, String status) {
	}

	/** Takes every order. */
	@Bean
	Consumer<Order> accept(TriggerRecorder recorder) {
		return (order) -> {
			recorder.started(order.id());
			recorder.completed(order.id());
		};
	}

	/** Answers each order with a confirmation (an output). */
	@Bean
	Function<Order, Confirmation> confirm(TriggerRecorder recorder) {
		return (order) -> {
			recorder.started(order.id());
			recorder.completed(order.id());
			return new Confirmation(order.id(), "accepted");
		};
	}

	/** Fails the first {@code quantity} attempts of each order, then succeeds. */
	@Bean
	Consumer<Order> flaky(TriggerRecorder recorder) {
		return (order) -> {
			int attempt = recorder.started(order.id());
			if (attempt <= order.quantity()) {
				throw new IllegalStateException("downstream unavailable (attempt " + attempt + ")");
			}
			recorder.completed(order.id());
		};
	}

	/** Rejects every order as poison. */
	@Bean
	Consumer<Order> reject(TriggerRecorder recorder) {
		return (order) -> {
			recorder.started(order.id());
			throw new PoisonMessageException("order " + order.id() + " has no customer");
		};
	}

	/** Always fails with a retryable error. */
	@Bean
	Consumer<Order> fail(TriggerRecorder recorder) {
		return (order) -> {
			recorder.started(order.id());
			throw new IllegalStateException("warehouse offline");
		};
	}

	/** Completes orders one by one, holding at the recorder's gate when the test closes it. */
	@Bean
	Consumer<Order> slow(TriggerRecorder recorder) {
		return (order) -> {
			recorder.started(order.id());
			try {
				recorder.passGate();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted by shutdown", ex);
			}
			recorder.completed(order.id());
		};
	}

}
