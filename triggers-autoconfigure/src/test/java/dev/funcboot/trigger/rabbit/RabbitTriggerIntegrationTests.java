package dev.funcboot.trigger.rabbit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.trigger.messaging.AbstractTriggerIntegrationTests;
import dev.funcboot.trigger.stream.StreamHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The message-trigger suite against the real RabbitMQ: queues {@code <exchange>.<function>}
 * declared by the binder, dead letters in {@code <queue>.dlq} with {@code x-funcboot-*} headers,
 * retries through {@code <queue>.retry.<delay>ms} (TTL, dead-lettered back, so they carry {@code x-death});
 * plus the headers the invocation context shows.
 */
class RabbitTriggerIntegrationTests extends AbstractTriggerIntegrationTests {

	/** Which function reads which exchange: the queue's group. */
	private final Map<String, String> groups = new ConcurrentHashMap<>();

	@BeforeAll
	static void rabbit() {
		assertThat(LocalRabbit.connection().isOpen()).as("RabbitMQ on 127.0.0.1:5672").isTrue();
	}

	@Test
	void aPausedFunctionTakesNothingUntilItIsResumed() {
		// its binding is stopped (the binder cannot pause) and started again
		pausedFunctionsTakeNothingUntilResumed(uniqueDestination("paused"));
	}

	@Override
	protected String triggerType() {
		return "rabbit";
	}

	@Test
	void theInvocationContextShowsTheMessageAndAllItsHeadersAsStrings() {
		String exchange = uniqueDestination("headers");
		start(triggerProperties("accept", exchange));
		LocalRabbit.withChannel((channel) -> {
			channel.basicPublish(exchange, "orders.eu", new AMQP.BasicProperties.Builder()
				.headers(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "tenant",
						"eu"))
				.build(), order("h-1", 1).getBytes(StandardCharsets.UTF_8));
			return null;
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().contains("h-1"));
		// the pipeline tells its listeners after the function returned
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.recorder.contexts("accept").isEmpty());
		InvocationContext context = this.recorder.contexts("accept").get(0);
		assertThat(context.trigger()).isEqualTo("rabbit");
		assertThat(context.triggerMetadata()).containsEntry("exchange", exchange)
			.containsEntry("routingKey", "orders.eu")
			.containsEntry("queue", exchange + ".accept")
			.containsEntry("redelivered", false);
		assertThat(context.triggerMetadata().get("headers")).isEqualTo(
				Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "tenant", "eu"));
	}

	@Test
	void aRetryInTheMiddleOfABatchGoesAloneAndTheOthersCompleteOnce() {
		String queue = uniqueDestination("batched");
		// declares the queue, so that the messages wait in it for the function
		Map<String, String> properties = new java.util.LinkedHashMap<>(triggerProperties("flaky", queue));
		for (String id : List.of("q-1", "q-2", "q-3", "q-4")) {
			send(queue, order(id, id.equals("q-2") ? 1 : 0));
		}
		properties.putAll(batchProperties("flaky", 10));
		properties.put("funcboot.functions.flaky.retry.strategy", "fixed-delay");
		properties.put("funcboot.functions.flaky.retry.max-attempts", "3");
		properties.put("funcboot.functions.flaky.retry.delay", "200ms");
		org.springframework.context.ConfigurableApplicationContext application = start(properties);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completed().size() == 4);
		application.close();
		assertThat(pending(queue)).isZero();
		// the batch went on past the retry: q-2 completed last, on its second attempt
		assertThat(this.recorder.completed()).containsExactly("q-1", "q-3", "q-4", "q-2");
		assertThat(List.of("q-1", "q-3", "q-4")).allSatisfy((id) -> assertThat(this.recorder.attempts(id)).isOne());
		assertThat(this.recorder.attempts("q-2")).isEqualTo(2);
		assertThat(deadLetters(queue)).isEmpty();
	}

	@Test
	void aPoisonMessageInTheMiddleOfABatchIsDeadLetteredAloneAndTheRestAcked() {
		String queue = uniqueDestination("mixed");
		Map<String, String> properties = new java.util.LinkedHashMap<>(triggerProperties("accept", queue));
		send(queue, order("k-1", 1));
		send(queue, "{\"id\": \"k-2\", \"quantity\": \"many\"}");
		send(queue, order("k-3", 1));
		properties.putAll(batchProperties("accept", 10));
		org.springframework.context.ConfigurableApplicationContext application = start(properties);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completed().size() == 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(queue).size() == 1);
		// nothing was left unacked (closing hands unacked messages back to the queue): the two that
		// completed were acked together, the poison one alone
		application.close();
		assertThat(pending(queue)).isZero();
		assertThat(this.recorder.completed()).containsExactly("k-1", "k-3");
		assertThat(deadLetters(queue)).singleElement().satisfies((letter) -> {
			assertThat(letter.body()).contains("k-2");
			assertThat(letter.reason()).contains("InputConversionException").contains("quantity");
		});
	}

	@Test
	void retriedMessagesThatEndDeadLetteredCarryTheBrokersDeathHistory() {
		String exchange = uniqueDestination("history");
		start(Map.of("funcboot.functions.fail.rabbit.destination", exchange,
				"funcboot.functions.fail.retry.strategy", "fixed-delay", "funcboot.functions.fail.retry.max-attempts",
				"2", "funcboot.functions.fail.retry.delay", "100ms"));
		this.groups.put(exchange, "fail");
		send(exchange, order("d-1", 1));
		String deadLetterQueue = exchange + ".fail.dlq";
		await().atMost(Duration.ofSeconds(30)).until(() -> LocalRabbit.depth(deadLetterQueue) == 1);
		GetResponse letter = LocalRabbit.peekAll(deadLetterQueue).get(0);
		Map<String, Object> headers = letter.getProps().getHeaders();
		assertThat(headers).containsKey("x-death");
		assertThat(String.valueOf(headers.get("x-original-queue"))).isEqualTo(exchange + ".fail");
		assertThat(String.valueOf(headers.get(StreamHeaders.ATTEMPTS))).isEqualTo("2");
	}

	@Override
	protected String uniqueDestination(String prefix) {
		String exchange = LocalRabbit.uniqueName("fb-" + prefix);
		LocalRabbit.declareExchange(exchange);
		return exchange;
	}

	@Override
	protected Map<String, String> brokerProperties() {
		return Map.of("spring.rabbitmq.host", LocalRabbit.HOST, "spring.rabbitmq.port",
				String.valueOf(LocalRabbit.PORT));
	}

	@Override
	protected Map<String, String> triggerProperties(String function, String destination) {
		this.groups.put(destination, function);
		// declared as the binder will, so messages sent before the application starts wait in it
		LocalRabbit.declareGroupQueue(destination, function);
		return Map.of("funcboot.functions." + function + ".rabbit.destination", destination);
	}

	@Override
	protected Map<String, String> batchProperties(String function, int batchSize) {
		return Map.of("funcboot.functions." + function + ".rabbit.batch-size", String.valueOf(batchSize));
	}

	@Override
	protected Map<String, String> outputProperties(String function, String destination) {
		// a queue of the test's own, bound before anything is published
		LocalRabbit.declareGroupQueue(destination, "test");
		return Map.of("funcboot.functions." + function + ".rabbit-output.destination", destination);
	}

	@Override
	protected void send(String destination, String body) {
		LocalRabbit.publish(destination, "orders", body.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	protected List<String> receiveAll(String destination) {
		return LocalRabbit.drain(destination + ".test")
			.stream()
			.map((response) -> new String(response.getBody(), StandardCharsets.UTF_8))
			.toList();
	}

	@Override
	protected List<DeadLetter> deadLetters(String destination) {
		String queue = destination + "." + this.groups.get(destination);
		List<DeadLetter> letters = new ArrayList<>();
		for (GetResponse response : LocalRabbit.peekAll(queue + ".dlq")) {
			Map<String, Object> headers = response.getProps().getHeaders();
			letters.add(new DeadLetter(new String(response.getBody(), StandardCharsets.UTF_8),
					String.valueOf(headers.get(StreamHeaders.REASON)), String.valueOf(headers.get(StreamHeaders.FUNCTION)),
					Long.parseLong(String.valueOf(headers.get(StreamHeaders.ATTEMPTS)))));
		}
		return letters;
	}

	@Override
	protected long pending(String destination) {
		String queue = destination + "." + this.groups.get(destination);
		long pending = LocalRabbit.depth(queue);
		// a retry queue per delay: those of the delays these tests set (and the stream default, 1s)
		for (long delay : List.of(100L, 200L, 1000L)) {
			pending += LocalRabbit.depth(RabbitDelivery.retryQueue(queue, delay));
		}
		return pending;
	}

}
