package dev.funcboot.trigger.storagequeue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.models.PeekedMessageItem;
import com.azure.storage.queue.models.QueueMessageItem;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.queue.QueueMessage;
import dev.funcboot.trigger.messaging.AbstractTriggerIntegrationTests;
import dev.funcboot.trigger.messaging.TriggerRecorder;
import dev.funcboot.trigger.messaging.TriggerTestApplication.Order;
import dev.funcboot.trigger.storagequeue.binder.PoisonEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The message-trigger suite against Azurite's queue service: Base64 messages as Azure Functions
 * writes them, poison envelopes in {@code <queue>-poison}, a fresh queue per test; plus what only
 * Storage queues have (message metadata, the Micrometer counters of this trigger).
 */
class StorageQueueTriggerIntegrationTests extends AbstractTriggerIntegrationTests {

	private static QueueServiceClient queues;

	@BeforeAll
	static void azurite() {
		AzuriteQueues.assertRunning();
		queues = AzuriteQueues.client();
	}

	@Override
	protected String triggerType() {
		return "queue";
	}

	@Test
	void theFunctionSeesTheMessageMetadataButNeverThePopReceipt() {
		String queue = uniqueDestination("metadata");
		start(triggerProperties("inspect", queue), QueueFunctions.class);
		send(queue, order("m-1", 1));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().contains("m-1"));
		QueueMessage<Order> message = QueueFunctions.received.get(0);
		assertThat(message.body()).isEqualTo(new Order("m-1", 1));
		assertThat(message.queue()).isEqualTo(queue);
		assertThat(message.dequeueCount()).isEqualTo(1);
		assertThat(message.id()).isNotBlank();
		assertThat(message.insertionTime()).isBefore(message.expirationTime());
		// the pipeline tells its listeners after the function returned
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.recorder.contexts("inspect").isEmpty());
		InvocationContext context = this.recorder.awaitContexts("inspect", 1).get(0);
		assertThat(context.trigger()).isEqualTo("queue");
		assertThat(context.triggerMetadata()).containsOnlyKeys("id", "queue", "dequeueCount", "insertionTime",
				"expirationTime");
		assertThat(context.triggerMetadata()).containsEntry("id", message.id())
			.containsEntry("queue", queue)
			.containsEntry("dequeueCount", 1L)
			.containsEntry("insertionTime", message.insertionTime());
	}

	@Test
	void aByteArrayFunctionGetsTheMessageBytesUnconvertedEvenWhenTheyAreJson() {
		String queue = uniqueDestination("raw");
		start(triggerProperties("rawBytes", queue), QueueFunctions.class);
		send(queue, order("r-1", 3));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().contains("raw-1"));
		assertThat(new String(QueueFunctions.raw.get(0), StandardCharsets.UTF_8)).isEqualTo(order("r-1", 3));
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(queue) == 0);
		assertThat(deadLetters(queue)).isEmpty();
	}

	@Test
	void aListInputTakesEachPollAsOneBatchThatIsSettledTogether() {
		String queue = uniqueDestination("batch");
		List<String> ids = send(queue, 6);
		send(queue, "{\"id\": \"b-bad\", \"quantity\": \"lots\"}");
		Map<String, String> properties = new java.util.LinkedHashMap<>(triggerProperties("orderBatch", queue));
		properties.put("funcboot.functions.orderBatch.queue.batch-size", "8");
		properties.put("funcboot.functions.orderBatch.retry.strategy", "fixed-delay");
		properties.put("funcboot.functions.orderBatch.retry.max-attempts", "3");
		properties.put("funcboot.functions.orderBatch.retry.delay", "500ms");
		start(properties, QueueFunctions.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().containsAll(ids));
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(queue) == 0);
		// the first call failed and the whole batch came back; the undecodable one was never part of it
		assertThat(QueueFunctions.batches).hasSize(2);
		assertThat(QueueFunctions.batches.get(0)).extracting(Order::id).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(QueueFunctions.batches.get(1)).extracting(Order::id).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.recorder.awaitContexts("orderBatch", 2)).extracting(InvocationContext::attempt).containsExactly(1, 2);
		assertThat(this.recorder.contexts("orderBatch").get(0).triggerMetadata()).containsEntry("batchSize", 6);
		List<DeadLetter> deadLetters = deadLetters(queue);
		assertThat(deadLetters).singleElement().satisfies((letter) -> {
			assertThat(letter.body()).contains("b-bad");
			assertThat(letter.reason()).contains("InputConversionException").contains("quantity");
		});
		awaitMessages("orderBatch", 6, 6, 1);
	}

	@Test
	void aPoisonMessageTooLargeForItsEnvelopeIsKeptAsItWas() {
		String queue = uniqueDestination("large");
		start(triggerProperties("accept", queue));
		// 45,000 bytes are 60,000 Base64 characters: within the 64 KiB limit, but not once wrapped and encoded again
		String body = "{\"id\":\"l-1\",\"quantity\":\"" + "x".repeat(45_000 - 30) + "\"}";
		String text = base64(body);
		assertThat(text.length()).isBetween(59_000, 61_000);
		queues.getQueueClient(queue).sendMessage(text);
		QueueClient poison = AzuriteQueues.existing(queues, queue + "-poison");
		await().atMost(Duration.ofSeconds(30)).until(() -> poison.peekMessage() != null);
		assertThat(poison.peekMessage().getBody().toString()).as("the original text, not an envelope").isEqualTo(text);
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(queue) == 0);
		awaitMessages("accept", 0, 0, 1);
	}

	@Test
	void countsSettlementsAsMicrometerCounters() {
		String queue = uniqueDestination("metrics");
		ConfigurableApplicationContext application = start(triggerProperties("accept", queue));
		send(queue, order("c-1", 1));
		send(queue, order("c-2", 1));
		send(queue, "{broken");
		MeterRegistry registry = application.getBean(MeterRegistry.class);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(counter(registry, queue, "completed")).isEqualTo(2.0);
			assertThat(counter(registry, queue, "dead_lettered")).isEqualTo(1.0);
			assertThat(counter(registry, queue, "retried")).isZero();
		});
	}

	/** A function only a Storage queue can feed: it takes the message with its metadata. */
	@Configuration(proxyBeanMethods = false)
	static class QueueFunctions {

		static final List<QueueMessage<Order>> received = new CopyOnWriteArrayList<>();

		static final List<List<Order>> batches = new CopyOnWriteArrayList<>();

		static final List<byte[]> raw = new CopyOnWriteArrayList<>();

		/** Takes the message bytes as they are, JSON or not. */
		@Bean
		Consumer<byte[]> rawBytes(TriggerRecorder recorder) {
			return (bytes) -> {
				raw.add(bytes);
				recorder.completed("raw-" + raw.size());
			};
		}

		@Bean
		Consumer<QueueMessage<Order>> inspect(TriggerRecorder recorder) {
			return (message) -> {
				recorder.started(message.body().id());
				received.add(message);
				recorder.completed(message.body().id());
			};
		}

		/** Takes each poll's orders at once; fails the first batch it sees. */
		@Bean
		Consumer<List<Order>> orderBatch(TriggerRecorder recorder) {
			return (orders) -> {
				batches.add(List.copyOf(orders));
				orders.forEach((order) -> recorder.started(order.id()));
				if (batches.size() == 1) {
					throw new IllegalStateException("warehouse busy");
				}
				orders.forEach((order) -> recorder.completed(order.id()));
			};
		}

	}

	private static double counter(MeterRegistry registry, String queue, String settlement) {
		return registry.get("funcboot.queue.messages")
			.tag("function", "accept")
			.tag("queue", queue)
			.tag("settlement", settlement)
			.functionCounter()
			.count();
	}

	@Override
	protected String uniqueDestination(String prefix) {
		String name = AzuriteQueues.uniqueQueue(prefix);
		queues.getQueueClient(name).create();
		return name;
	}

	@Override
	protected Map<String, String> brokerProperties() {
		return Map.of("funcboot.storage.connections.default.connection-string", AzuriteQueues.CONNECTION_STRING,
				"funcboot.queue.max-polling-interval", "500ms");
	}

	@Override
	protected Map<String, String> triggerProperties(String function, String destination) {
		return Map.of("funcboot.functions." + function + ".queue.name", destination);
	}

	@Override
	protected Map<String, String> batchProperties(String function, int batchSize) {
		return Map.of("funcboot.functions." + function + ".queue.batch-size", String.valueOf(batchSize));
	}

	@Override
	protected Map<String, String> outputProperties(String function, String destination) {
		return Map.of("funcboot.functions." + function + ".queue-output.name", destination);
	}

	@Override
	protected void send(String destination, String body) {
		queues.getQueueClient(destination).sendMessage(base64(body));
	}

	@Override
	protected List<String> receiveAll(String destination) {
		QueueClient queue = AzuriteQueues.existing(queues, destination);
		List<String> bodies = new ArrayList<>();
		for (QueueMessageItem item : queue.receiveMessages(32)) {
			bodies.add(new String(Base64.getDecoder().decode(item.getBody().toString()), StandardCharsets.UTF_8));
			queue.deleteMessage(item.getMessageId(), item.getPopReceipt());
		}
		return bodies;
	}

	@Override
	protected List<DeadLetter> deadLetters(String destination) {
		List<PeekedMessageItem> items = new ArrayList<>();
		AzuriteQueues.existing(queues, destination + "-poison").peekMessages(32, null, null).forEach(items::add);
		List<DeadLetter> deadLetters = new ArrayList<>();
		for (PeekedMessageItem item : items) {
			String json = new String(Base64.getDecoder().decode(item.getBody().toString()), StandardCharsets.UTF_8);
			PoisonEnvelope envelope = PoisonEnvelope.fromJson(json);
			String body = "base64".equals(envelope.bodyEncoding())
					? new String(Base64.getDecoder().decode(envelope.body()), StandardCharsets.UTF_8) : envelope.body();
			deadLetters.add(new DeadLetter(body, envelope.reason(), envelope.function(), envelope.dequeueCount()));
		}
		return deadLetters;
	}

	@Override
	protected long pending(String destination) {
		return queues.getQueueClient(destination).getProperties().getApproximateMessagesCount();
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
