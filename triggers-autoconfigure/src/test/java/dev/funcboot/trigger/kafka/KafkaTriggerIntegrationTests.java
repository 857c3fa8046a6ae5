package dev.funcboot.trigger.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.TraceContext;
import dev.funcboot.trigger.messaging.AbstractTriggerIntegrationTests;
import dev.funcboot.trigger.messaging.TriggerRecorder;
import dev.funcboot.trigger.messaging.TriggerTestApplication.Order;
import dev.funcboot.trigger.stream.StreamHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The message-trigger suite against a real Kafka broker (embedded KRaft): dead letters in
 * {@code error.<topic>.<group>} with {@code x-funcboot-*} headers, retries by seeking back,
 * offsets committed after settlement; plus batches of a {@code List<T>} function and the headers
 * the invocation context shows.
 */
class KafkaTriggerIntegrationTests extends AbstractTriggerIntegrationTests {

	/** Which function reads which topic, for its group (the function's name) and dead-letter topic. */
	private final Map<String, String> groups = new ConcurrentHashMap<>();

	/** How far receiveAll has read each output topic. */
	private final Map<String, Map<Integer, Long>> positions = new ConcurrentHashMap<>();

	@Test
	void aPausedFunctionTakesNothingUntilItIsResumed() {
		// its consumer stays in its group, its partition paused
		pausedFunctionsTakeNothingUntilResumed(uniqueDestination("paused"));
	}

	@Override
	protected String triggerType() {
		return "kafka";
	}

	@Test
	void aListInputTakesEachPollAsOneBatchThatIsSettledTogether() {
		String topic = uniqueDestination("batch");
		List<String> ids = send(topic, 6);
		send(topic, "{\"id\": \"b-bad\", \"quantity\": \"lots\"}");
		Map<String, String> properties = new LinkedHashMap<>(triggerProperties("orderBatch", topic));
		properties.putAll(batchProperties("orderBatch", 10));
		properties.put("funcboot.functions.orderBatch.retry.strategy", "fixed-delay");
		properties.put("funcboot.functions.orderBatch.retry.max-attempts", "3");
		properties.put("funcboot.functions.orderBatch.retry.delay", "500ms");
		start(properties, KafkaFunctions.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().containsAll(ids));
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(topic) == 0);
		// the first call failed and the whole batch came back; the undecodable one was never part of it
		assertThat(KafkaFunctions.batches).hasSize(2);
		assertThat(KafkaFunctions.batches.get(0)).extracting(Order::id).containsExactlyElementsOf(ids);
		assertThat(KafkaFunctions.batches.get(1)).extracting(Order::id).containsExactlyElementsOf(ids);
		assertThat(this.recorder.contexts("orderBatch")).extracting(InvocationContext::attempt).containsExactly(1, 2);
		assertThat(this.recorder.contexts("orderBatch").get(0).triggerMetadata()).containsEntry("batchSize", 6);
		assertThat(deadLetters(topic)).singleElement().satisfies((letter) -> {
			assertThat(letter.body()).contains("b-bad");
			assertThat(letter.reason()).contains("InputConversionException").contains("quantity");
		});
		awaitMessages("orderBatch", 6, 6, 1);
	}

	@Test
	void aRetryInTheMiddleOfAPollKeepsThePartitionsOrderAndRunsNoRecordTwice() {
		String topic = uniqueDestination("ordered");
		// one poll of five; the third fails once
		for (String id : List.of("o-1", "o-2", "o-3", "o-4", "o-5")) {
			send(topic, order(id, id.equals("o-3") ? 1 : 0));
		}
		Map<String, String> properties = new LinkedHashMap<>(triggerProperties("flaky", topic));
		properties.putAll(batchProperties("flaky", 10));
		properties.put("funcboot.functions.flaky.retry.strategy", "fixed-delay");
		properties.put("funcboot.functions.flaky.retry.max-attempts", "3");
		properties.put("funcboot.functions.flaky.retry.delay", "200ms");
		start(properties);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completed().size() == 5);
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(topic) == 0);
		assertThat(this.recorder.completed()).containsExactly("o-1", "o-2", "o-3", "o-4", "o-5");
		// the records before the failed one were committed, not run again; the ones after waited for it
		assertThat(List.of("o-1", "o-2", "o-4", "o-5")).allSatisfy((id) -> assertThat(this.recorder.attempts(id)).isOne());
		assertThat(this.recorder.attempts("o-3")).isEqualTo(2);
		assertThat(this.recorder.awaitContexts("flaky", 6)).extracting(InvocationContext::attempt)
			.containsExactly(1, 1, 1, 2, 1, 1);
		assertThat(deadLetters(topic)).isEmpty();
	}

	@Test
	void aBindingTheUserTurnsToRecordModeStillDeliversAndSettlesEachRecord() {
		String topic = uniqueDestination("records");
		send(topic, order("s-1", 0));
		send(topic, order("s-2", 1));
		Map<String, String> properties = new LinkedHashMap<>(triggerProperties("flaky", topic));
		properties.put("spring.cloud.stream.bindings.flaky-in-0.consumer.batch-mode", "false");
		properties.put("funcboot.functions.flaky.retry.strategy", "fixed-delay");
		properties.put("funcboot.functions.flaky.retry.max-attempts", "3");
		properties.put("funcboot.functions.flaky.retry.delay", "200ms");
		start(properties);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completed().size() == 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(topic) == 0);
		assertThat(this.recorder.completed()).containsExactly("s-1", "s-2");
		assertThat(this.recorder.attempts("s-2")).isEqualTo(2);
		// one record per message: the record's own offset in its context
		assertThat(this.recorder.awaitContexts("flaky", 3)).extracting((context) -> context.triggerMetadata().get("offset"))
			.containsExactly(0L, 1L, 1L);
	}

	@Test
	void aPoisonRecordInTheMiddleOfAPollIsDeadLetteredAndTheOthersRunOnce() {
		String topic = uniqueDestination("mixed");
		send(topic, order("m-1", 1));
		send(topic, "{\"id\": \"m-2\", \"quantity\": \"many\"}");
		send(topic, order("m-3", 1));
		Map<String, String> properties = new LinkedHashMap<>(triggerProperties("accept", topic));
		properties.putAll(batchProperties("accept", 10));
		start(properties);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completed().size() == 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(topic) == 0);
		assertThat(this.recorder.completed()).containsExactly("m-1", "m-3");
		assertThat(this.recorder.attempts("m-1")).isOne();
		assertThat(this.recorder.attempts("m-3")).isOne();
		assertThat(deadLetters(topic)).singleElement().satisfies((letter) -> {
			assertThat(letter.body()).contains("m-2");
			assertThat(letter.reason()).contains("InputConversionException").contains("quantity");
			assertThat(letter.attempts()).isOne();
		});
	}

	@Test
	void theInvocationContextShowsTheRecordAndAllItsHeadersAsStrings() {
		String topic = uniqueDestination("headers");
		start(triggerProperties("accept", topic));
		EmbeddedKafka.send(topic, "customer-7", order("h-1", 1),
				Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "tenant", "eu"));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().contains("h-1"));
		// the pipeline tells its listeners after the function returned
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.recorder.contexts("accept").isEmpty());
		InvocationContext context = this.recorder.contexts("accept").get(0);
		assertThat(context.trigger()).isEqualTo("kafka");
		assertThat(context.triggerMetadata()).containsEntry("topic", topic)
			.containsEntry("partition", 0)
			.containsEntry("offset", 0L)
			.containsEntry("key", "customer-7");
		assertThat(context.triggerMetadata().get("headers")).isEqualTo(
				Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "tenant", "eu"));
	}

	@Test
	void outputsCarryTheTriggeringMessagesHeaders() {
		String topic = uniqueDestination("propagate");
		String output = uniqueDestination("propagated");
		Map<String, String> properties = new LinkedHashMap<>(triggerProperties("confirm", topic));
		properties.putAll(outputProperties("confirm", output));
		start(properties);
		EmbeddedKafka.send(topic, null, order("p-1", 1), Map.of("traceparent",
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "tenant", "eu"));
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			records.addAll(EmbeddedKafka.read(output, Map.of()));
			return !records.isEmpty();
		});
		assertThat(header(records.get(0), "tenant")).isEqualTo("eu");
		// the trace goes on through the invocation (a tracer is on this class path): its span is the
		// output's parent, not the span that sent the triggering message
		String traceparent = header(records.get(0), "traceparent");
		assertThat(TraceContext.traceId(traceparent)).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(traceparent.split("-")[2]).isNotEqualTo("b7ad6b7169203331");
	}

	/** Functions only a batching broker can feed. */
	@Configuration(proxyBeanMethods = false)
	static class KafkaFunctions {

		static final List<List<Order>> batches = new CopyOnWriteArrayList<>();

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

	@Override
	protected String uniqueDestination(String prefix) {
		return EmbeddedKafka.uniqueTopic(prefix, 1);
	}

	@Override
	protected Map<String, String> brokerProperties() {
		return Map.of("spring.cloud.stream.kafka.binder.brokers", EmbeddedKafka.brokers());
	}

	@Override
	protected Map<String, String> triggerProperties(String function, String destination) {
		this.groups.put(destination, function);
		return Map.of("funcboot.functions." + function + ".kafka.destination", destination);
	}

	@Override
	protected Map<String, String> batchProperties(String function, int batchSize) {
		return Map.of("funcboot.functions." + function + ".kafka.batch-size", String.valueOf(batchSize));
	}

	@Override
	protected Map<String, String> outputProperties(String function, String destination) {
		return Map.of("funcboot.functions." + function + ".kafka-output.destination", destination);
	}

	@Override
	protected void send(String destination, String body) {
		EmbeddedKafka.send(destination, null, body, Map.of());
	}

	@Override
	protected List<String> receiveAll(String destination) {
		Map<Integer, Long> position = this.positions.computeIfAbsent(destination, (topic) -> new ConcurrentHashMap<>());
		List<String> bodies = new ArrayList<>();
		for (ConsumerRecord<byte[], byte[]> record : EmbeddedKafka.read(destination, position)) {
			position.put(record.partition(), record.offset() + 1);
			bodies.add(new String(record.value(), StandardCharsets.UTF_8));
		}
		return bodies;
	}

	@Override
	protected List<DeadLetter> deadLetters(String destination) {
		String function = this.groups.get(destination);
		String deadLetterTopic = "error." + destination + "." + function;
		List<DeadLetter> letters = new ArrayList<>();
		try {
			for (ConsumerRecord<byte[], byte[]> record : EmbeddedKafka.read(deadLetterTopic, Map.of())) {
				assertThat(header(record, StreamHeaders.ORIGINAL_DESTINATION)).isEqualTo(destination);
				letters.add(new DeadLetter(new String(record.value(), StandardCharsets.UTF_8),
						header(record, StreamHeaders.REASON), header(record, StreamHeaders.FUNCTION),
						Long.parseLong(header(record, StreamHeaders.ATTEMPTS))));
			}
		}
		catch (RuntimeException ex) {
			// the dead-letter topic appears with its first dead letter
			if (!String.valueOf(ex.getMessage()).contains("Timeout") && !(ex.getCause() != null
					&& String.valueOf(ex.getCause().getMessage()).contains("UnknownTopic"))) {
				throw ex;
			}
		}
		return letters;
	}

	@Override
	protected long pending(String destination) {
		return EmbeddedKafka.lag(destination, this.groups.get(destination));
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
