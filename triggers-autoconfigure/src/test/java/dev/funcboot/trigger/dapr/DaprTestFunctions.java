package dev.funcboot.trigger.dapr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.funcboot.functions.PoisonMessageException;
import dev.funcboot.functions.annotation.DaprBindingTrigger;
import dev.funcboot.functions.annotation.DaprPublish;
import dev.funcboot.functions.annotation.DaprTopicTrigger;
import dev.funcboot.functions.annotation.FixedDelayRetry;
import dev.funcboot.functions.pipeline.InvocationListener;
import dev.funcboot.functions.pipeline.InvocationResult;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.CloudEvent;
import io.dapr.spring.messaging.DaprMessagingTemplate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Dapr-triggered functions that record what they get; a quantity below zero is poison, "flaky" ids fail. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(LegacyTopicController.class)
public class DaprTestFunctions {

	public record Order(String id, int quantity) {
	}

	public record Confirmation(String orderId, String status) {
	}

	/** What the functions received, and every attempt's result (with its invocation context). */
	static final class Recorder implements InvocationListener {

		final List<Object> received = new CopyOnWriteArrayList<>();

		final List<InvocationResult> results = new CopyOnWriteArrayList<>();

		@Override
		public void onAttempt(InvocationResult result, long durationNanos) {
			this.results.add(result);
		}

		InvocationResult last(String function) {
			for (int i = this.results.size() - 1; i >= 0; i--) {
				if (this.results.get(i).context().functionName().equals(function)) {
					return this.results.get(i);
				}
			}
			throw new AssertionError("no invocation of " + function);
		}

	}

	@Bean
	Recorder recorder() {
		return new Recorder();
	}

	static void check(Order order) {
		if (order.quantity() < 0) {
			throw new PoisonMessageException("quantity must not be negative: " + order.quantity());
		}
		if (order.id().startsWith("flaky")) {
			throw new IllegalStateException("inventory service unavailable");
		}
	}

	/** The topic's default route. */
	@Bean
	@DaprTopicTrigger(pubsub = "orders-pubsub", topic = "orders")
	Consumer<Order> orderPlaced(Recorder recorder) {
		return (order) -> {
			check(order);
			recorder.received.add(order);
		};
	}

	/** Priority orders of the same topic, by rule; takes the whole CloudEvent. */
	@Bean
	@DaprTopicTrigger(pubsub = "orders-pubsub", topic = "orders", match = "event.type == \"priority\"", priority = 1)
	Consumer<CloudEvent<Order>> priorityOrder(Recorder recorder) {
		return (event) -> recorder.received.add(event);
	}

	/** Cancellations of the same topic, checked before priority orders. */
	@Bean
	@DaprTopicTrigger(pubsub = "orders-pubsub", topic = "orders", match = "event.type == \"cancel\"")
	Consumer<String> cancellation(Recorder recorder) {
		return (text) -> recorder.received.add("cancel:" + text);
	}

	@Bean
	@DaprTopicTrigger(pubsub = "orders-pubsub", topic = "bulk-orders", bulk = true, bulkMaxMessages = 50,
			bulkMaxAwaitMillis = 40, deadLetterTopic = "bulk-orders-dead")
	Consumer<Order> bulkOrder(Recorder recorder) {
		return (order) -> {
			check(order);
			recorder.received.add(order);
		};
	}

	/** Succeeds only when two entries run at the same time: proves bulk entries run in parallel. */
	@Bean
	@DaprTopicTrigger(pubsub = "orders-pubsub", topic = "paired", bulk = true)
	Consumer<Order> paired(Recorder recorder) {
		CyclicBarrier barrier = new CyclicBarrier(2);
		return (order) -> {
			try {
				barrier.await(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("no partner entry ran alongside " + order.id(), ex);
			}
			recorder.received.add("paired:" + order.id());
		};
	}

	/** Retries twice in process; still failing, the event is poison. */
	@Bean
	@DaprTopicTrigger(pubsub = "orders-pubsub", topic = "audit", route = "/audit-events")
	@FixedDelayRetry(maxAttempts = 2, delay = "0s")
	Consumer<Order> audit(Recorder recorder) {
		return (order) -> {
			recorder.received.add("audit:" + order.id());
			check(order);
		};
	}

	@Bean
	@DaprTopicTrigger(pubsub = "orders-pubsub", topic = "confirm")
	@DaprPublish(pubsub = "orders-pubsub", topic = "confirmed")
	Function<Order, Confirmation> confirm() {
		return (order) -> {
			check(order);
			return new Confirmation(order.id(), "accepted");
		};
	}

	/** A Dapr input binding (a queue component): the body is the order. */
	@Bean
	@DaprBindingTrigger(name = "orders-queue")
	Consumer<Order> queuedOrder(Recorder recorder) {
		return (order) -> {
			check(order);
			recorder.received.add("queued:" + order.id());
		};
	}

	/** A cron input binding runs a supplier: no input. */
	@Bean
	@DaprBindingTrigger(name = "nightly-cron")
	Supplier<String> nightly(Recorder recorder) {
		return () -> {
			recorder.received.add("nightly");
			return "done";
		};
	}

	/** The Dapr starter's messaging template, as an application declares it. */
	@Bean
	DaprMessagingTemplate<Order> ordersTemplate(DaprClient client) {
		return new DaprMessagingTemplate<>(client, "orders-pubsub", false);
	}

	/** Uses the injected template itself instead of an output binding. */
	@Bean
	@DaprTopicTrigger(pubsub = "orders-pubsub", topic = "forward")
	Consumer<Order> forward(DaprMessagingTemplate<Order> ordersTemplate) {
		return (order) -> ordersTemplate.send("forwarded", order);
	}

}
