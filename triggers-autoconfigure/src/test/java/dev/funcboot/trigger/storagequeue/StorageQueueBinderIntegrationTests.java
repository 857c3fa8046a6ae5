package dev.funcboot.trigger.storagequeue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.models.PeekedMessageItem;
import com.azure.storage.queue.models.QueueMessageItem;
import dev.funcboot.trigger.storagequeue.binder.PoisonEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code storagequeue} binder as any Spring Cloud Stream application uses it, configured only by
 * {@code spring.cloud.stream.*} (Funcboot's queue trigger excluded): found through
 * {@code META-INF/spring.binders}, connected by its own binder properties, settling messages itself.
 * Plain-text messages ({@code message-encoding=none}) so the queues read as they are.
 */
class StorageQueueBinderIntegrationTests {

	private static QueueServiceClient queues;

	private ConfigurableApplicationContext application;

	@BeforeAll
	static void azurite() {
		AzuriteQueues.assertRunning();
		queues = AzuriteQueues.client();
	}

	@AfterEach
	void close() {
		StreamApp.release.countDown();
		if (this.application != null) {
			this.application.close();
		}
	}

	@Test
	void consumesAndProducesThroughSpringCloudStreamBindings() {
		String in = AzuriteQueues.uniqueQueue("binder-in");
		String out = AzuriteQueues.uniqueQueue("binder-out");
		start("shout", Map.of("spring.cloud.stream.bindings.shout-in-0.destination", in,
				"spring.cloud.stream.bindings.shout-in-0.content-type", "text/plain",
				"spring.cloud.stream.bindings.shout-out-0.destination", out,
				"spring.cloud.stream.bindings.shout-out-0.content-type", "text/plain",
				"spring.cloud.stream.storagequeue.bindings.shout-out-0.producer.message-encoding", "none"));
		queues.getQueueClient(in).sendMessage("hello");
		List<String> received = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			received.addAll(receiveAll(out));
			return !received.isEmpty();
		});
		assertThat(received).containsExactly("HELLO");
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(in) == 0);
	}

	@Test
	void aHandlerThatKeepsFailingIsRetriedThenDeadLetteredWithTheReason() {
		String in = AzuriteQueues.uniqueQueue("binder-fail");
		start("explode", Map.of("spring.cloud.stream.bindings.explode-in-0.destination", in,
				"spring.cloud.stream.bindings.explode-in-0.content-type", "text/plain",
				"spring.cloud.stream.storagequeue.bindings.explode-in-0.consumer.max-dequeue-count", "2"));
		queues.getQueueClient(in).sendMessage("boom please");
		await().atMost(Duration.ofSeconds(30)).until(() -> !peek(in + "-poison").isEmpty());
		PoisonEnvelope envelope = PoisonEnvelope.fromJson(peek(in + "-poison").get(0).getBody().toString());
		assertThat(envelope.body()).isEqualTo("boom please");
		assertThat(envelope.bodyEncoding()).isEqualTo("none");
		assertThat(envelope.dequeueCount()).isEqualTo(2);
		assertThat(envelope.reason()).contains("failed 2 times (max-dequeue-count)").contains("no boom today");
		assertThat(envelope.queue()).isEqualTo(in);
		assertThat(StreamApp.attempts.get()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(in) == 0);
	}

	@Test
	void theLeaseIsRenewedWhileAHandlerRunsLongerThanIt() {
		String in = AzuriteQueues.uniqueQueue("binder-lease");
		start("hold", Map.of("spring.cloud.stream.bindings.hold-in-0.destination", in,
				"spring.cloud.stream.bindings.hold-in-0.content-type", "text/plain",
				"spring.cloud.stream.storagequeue.bindings.hold-in-0.consumer.lease", "2s"));
		queues.getQueueClient(in).sendMessage("long job");
		await().atMost(Duration.ofSeconds(30)).until(() -> StreamApp.attempts.get() == 1);
		// three leases long, the message stays invisible and is not delivered again
		await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8))
			.until(() -> peek(in).isEmpty() && StreamApp.attempts.get() == 1);
		StreamApp.release.countDown();
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(in) == 0);
		assertThat(StreamApp.attempts.get()).isEqualTo(1);
	}

	private void start(String definition, Map<String, Object> bindings) {
		StreamApp.attempts.set(0);
		StreamApp.release = new CountDownLatch(1);
		this.application = new SpringApplicationBuilder(StreamApp.class).web(WebApplicationType.NONE)
			.properties(Map.of("spring.main.banner-mode", "off", "spring.cloud.function.definition", definition,
					"spring.autoconfigure.exclude", StorageQueueTriggerAutoConfiguration.class.getName(),
					"spring.cloud.stream.storagequeue.binder.connection-string", AzuriteQueues.CONNECTION_STRING,
					"spring.cloud.stream.storagequeue.default.consumer.message-encoding", "none",
					"spring.cloud.stream.storagequeue.default.consumer.max-polling-interval", "500ms"))
			// the test class path holds the Kafka, Rabbit, Event Hubs and Service Bus binders too
			.properties(Map.of("spring.cloud.stream.default-binder", "storagequeue"))
			.properties(bindings)
			.run();
	}

	private static List<String> receiveAll(String queue) {
		QueueClient client = AzuriteQueues.existing(queues, queue);
		List<String> bodies = new ArrayList<>();
		for (QueueMessageItem item : client.receiveMessages(32)) {
			bodies.add(item.getBody().toString());
			client.deleteMessage(item.getMessageId(), item.getPopReceipt());
		}
		return bodies;
	}

	private static List<PeekedMessageItem> peek(String queue) {
		List<PeekedMessageItem> items = new ArrayList<>();
		AzuriteQueues.existing(queues, queue).peekMessages(32, null, null).forEach(items::add);
		return items;
	}

	private static long pending(String queue) {
		return queues.getQueueClient(queue).getProperties().getApproximateMessagesCount();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class StreamApp {

		static final AtomicInteger attempts = new AtomicInteger();

		static volatile CountDownLatch release = new CountDownLatch(1);

		@Bean
		Function<String, String> shout() {
			return String::toUpperCase;
		}

		@Bean
		Consumer<String> explode() {
			return (text) -> {
				attempts.incrementAndGet();
				throw new IllegalStateException("no boom today");
			};
		}

		@Bean
		Consumer<String> hold() {
			return (text) -> {
				attempts.incrementAndGet();
				try {
					if (!release.await(1, TimeUnit.MINUTES)) {
						throw new IllegalStateException("never released");
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			};
		}

	}

}
