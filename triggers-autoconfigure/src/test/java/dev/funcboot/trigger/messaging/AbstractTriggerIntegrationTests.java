package dev.funcboot.trigger.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.actuate.FuncbootEndpoint;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.pipeline.FunctionStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What every message trigger guarantees, whatever the broker: each message reaches its function;
 * results reach the output; retryable failures are retried and then succeed; undecodable input,
 * {@code PoisonMessageException} and exhausted retries go to the dead-letter destination with the
 * reason; every message is counted as completed, retried or dead-lettered; and stopping the
 * application in the middle of a batch loses nothing. A broker's test extends this class and
 * provides destinations, properties and access to the broker.
 *
 * <p>The functions are {@link TriggerTestApplication}'s plain beans, bound by properties; the
 * applications are real Spring Boot applications with every auto-configuration.
 */
public abstract class AbstractTriggerIntegrationTests {

	protected static final ObjectMapper JSON = new ObjectMapper();

	protected final TriggerRecorder recorder = new TriggerRecorder();

	private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

	/** The trigger type the pipeline sees ({@code queue}, ...). */
	protected abstract String triggerType();

	/** A destination (queue, topic ...) that no other test uses. */
	protected abstract String uniqueDestination(String prefix);

	/** Properties every application needs to reach the broker. */
	protected abstract Map<String, String> brokerProperties();

	/** Properties that bind the function to the destination as its trigger. */
	protected abstract Map<String, String> triggerProperties(String function, String destination);

	/** Properties that make the trigger fetch this many messages at once. */
	protected abstract Map<String, String> batchProperties(String function, int batchSize);

	/** Properties that send the function's results to the destination. */
	protected abstract Map<String, String> outputProperties(String function, String destination);

	/** Sends a message with this text body. */
	protected abstract void send(String destination, String body);

	/** Receives (and removes) every message now in the destination; bodies as text. */
	protected abstract List<String> receiveAll(String destination);

	/** What the destination's dead-letter destination holds, without removing it. */
	protected abstract List<DeadLetter> deadLetters(String destination);

	/** How many messages the destination still holds, invisible (in-flight) ones included. */
	protected abstract long pending(String destination);

	/**
	 * A message that could not be processed.
	 * @param body the original body, as sent
	 * @param reason why, as the trigger recorded it
	 * @param function the function that gave up
	 * @param attempts how many times it was tried
	 */
	public record DeadLetter(String body, String reason, String function, long attempts) {
	}

	@AfterEach
	void closeApplications() {
		this.recorder.openGate();
		this.applications.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void deliversEveryMessageToTheFunction() {
		String queue = uniqueDestination("deliver");
		start(triggerProperties("accept", queue));
		List<String> ids = send(queue, 5);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().containsAll(ids));
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(queue) == 0);
		assertThat(this.recorder.completed()).containsExactlyInAnyOrderElementsOf(ids);
		awaitMessages("accept", 5, 0, 0);
		assertThat(deadLetters(queue)).isEmpty();
	}

	@Test
	void sendsTheResultToTheOutput() throws Exception {
		String queue = uniqueDestination("confirm");
		String output = uniqueDestination("confirmed");
		Map<String, String> properties = new LinkedHashMap<>(triggerProperties("confirm", queue));
		properties.putAll(outputProperties("confirm", output));
		start(properties);
		List<String> ids = send(queue, 3);
		List<String> confirmations = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			confirmations.addAll(receiveAll(output));
			return confirmations.size() >= 3;
		});
		List<String> confirmed = new ArrayList<>();
		for (String confirmation : confirmations) {
			JsonNode node = JSON.readTree(confirmation);
			assertThat(node.get("status").asText()).isEqualTo("accepted");
			confirmed.add(node.get("orderId").asText());
		}
		assertThat(confirmed).containsExactlyInAnyOrderElementsOf(ids);
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(queue) == 0);
	}

	@Test
	void retriesAFailedMessageUntilItSucceeds() {
		String queue = uniqueDestination("flaky");
		Map<String, String> properties = new LinkedHashMap<>(triggerProperties("flaky", queue));
		properties.put("funcboot.functions.flaky.retry.strategy", "fixed-delay");
		properties.put("funcboot.functions.flaky.retry.max-attempts", "4");
		properties.put("funcboot.functions.flaky.retry.delay", "1s");
		start(properties);
		send(queue, order("f-1", 2));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().contains("f-1"));
		assertThat(this.recorder.attempts("f-1")).isEqualTo(3);
		// each delivery is one attempt of the pipeline, numbered by the broker's delivery count; the
		// pipeline tells its listeners (the recorder) just after the function returned
		assertThat(this.recorder.awaitContexts("flaky", 3)).extracting(InvocationContext::attempt)
			.containsExactly(1, 2, 3);
		assertThat(this.recorder.contexts("flaky")).extracting(InvocationContext::trigger)
			.containsOnly(triggerType());
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(queue) == 0);
		awaitMessages("flaky", 1, 2, 0);
		assertThat(deadLetters(queue)).isEmpty();
	}

	@Test
	void undecodableInputIsDeadLetteredAtOnceWithTheReason() {
		String queue = uniqueDestination("garbled");
		start(triggerProperties("accept", queue));
		String garbled = "{\"id\": \"g-1\", \"quantity\": \"many\"}";
		send(queue, garbled);
		send(queue, "not json at all");
		await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(queue).size() == 2);
		List<DeadLetter> deadLetters = deadLetters(queue);
		assertThat(deadLetters).extracting(DeadLetter::body).containsExactlyInAnyOrder(garbled, "not json at all");
		DeadLetter badField = deadLetters.stream().filter((letter) -> letter.body().equals(garbled)).findFirst().get();
		assertThat(badField.reason()).contains("InputConversionException").contains("quantity");
		assertThat(badField.attempts()).isEqualTo(1);
		assertThat(badField.function()).isEqualTo("accept");
		DeadLetter malformed = deadLetters.stream().filter((letter) -> letter.body().startsWith("not")).findFirst().get();
		assertThat(malformed.reason()).contains("Malformed JSON");
		assertThat(this.recorder.totalAttempts()).isZero();
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(queue) == 0);
		awaitMessages("accept", 0, 0, 2);
	}

	@Test
	void poisonMessageExceptionIsDeadLetteredAtOnce() {
		String queue = uniqueDestination("reject");
		Map<String, String> properties = new LinkedHashMap<>(triggerProperties("reject", queue));
		properties.put("funcboot.functions.reject.retry.strategy", "fixed-delay");
		properties.put("funcboot.functions.reject.retry.max-attempts", "5");
		start(properties);
		String body = order("r-1", 1);
		send(queue, body);
		await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(queue).size() == 1);
		DeadLetter deadLetter = deadLetters(queue).get(0);
		assertThat(deadLetter.body()).isEqualTo(body);
		assertThat(deadLetter.reason()).contains("PoisonMessageException").contains("order r-1 has no customer");
		assertThat(deadLetter.attempts()).isEqualTo(1);
		assertThat(this.recorder.attempts("r-1")).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(queue) == 0);
		awaitMessages("reject", 0, 0, 1);
	}

	@Test
	void exhaustedRetriesAreDeadLetteredWithTheReason() {
		String queue = uniqueDestination("fail");
		Map<String, String> properties = new LinkedHashMap<>(triggerProperties("fail", queue));
		properties.put("funcboot.functions.fail.retry.strategy", "fixed-delay");
		properties.put("funcboot.functions.fail.retry.max-attempts", "3");
		properties.put("funcboot.functions.fail.retry.delay", "200ms");
		start(properties);
		String body = order("x-1", 1);
		send(queue, body);
		await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(queue).size() == 1);
		DeadLetter deadLetter = deadLetters(queue).get(0);
		assertThat(deadLetter.body()).isEqualTo(body);
		assertThat(deadLetter.reason()).startsWith("retries exhausted after 3 attempts").contains("warehouse offline");
		assertThat(deadLetter.attempts()).isEqualTo(3);
		assertThat(this.recorder.attempts("x-1")).isEqualTo(3);
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(queue) == 0);
		awaitMessages("fail", 0, 2, 1);
	}

	@Test
	void stoppingInTheMiddleOfABatchLosesNothing() {
		String queue = uniqueDestination("restart");
		int count = 12;
		Map<String, String> properties = new LinkedHashMap<>(triggerProperties("slow", queue));
		properties.putAll(batchProperties("slow", 8));
		properties.put("funcboot.functions.slow.max-concurrency", "1");
		properties.put("funcboot.queue.shutdown-timeout", "1s");
		List<String> ids = send(queue, count);
		this.recorder.closeGateAfter(3);
		ConfigurableApplicationContext first = start(properties);
		// three completed, the fourth holds at the gate, the rest of the batch waits for the worker
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.totalAttempts() == 4);
		assertThat(this.recorder.completed()).hasSize(3);
		first.close();
		this.recorder.openGate();
		start(properties);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.recorder.completedIds().containsAll(ids));
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(queue) == 0);
		// at least once: every message completed, none more than twice (the interrupted one)
		for (String id : ids) {
			assertThat(this.recorder.completed().stream().filter(id::equals).count()).as(id).isBetween(1L, 2L);
		}
		assertThat(deadLetters(queue)).isEmpty();
	}

	protected ConfigurableApplicationContext start(Map<String, String> properties) {
		return start(properties, new Class<?>[0]);
	}

	/** Starts the test application, with more (broker-specific) functions from the extra sources. */
	protected ConfigurableApplicationContext start(Map<String, String> properties, Class<?>... extraSources) {
		Map<String, Object> all = new LinkedHashMap<>(brokerProperties());
		all.putAll(properties);
		all.put("spring.main.banner-mode", "off");
		List<Class<?>> sources = new ArrayList<>(List.of(TriggerTestApplication.class));
		sources.addAll(List.of(extraSources));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(new Class<?>[0]))
			.web(WebApplicationType.NONE)
			.properties(all)
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("triggerRecorder", this.recorder))
			.run();
		this.applications.add(context);
		return context;
	}

	/**
	 * Waits until the {@code funcboot} Actuator endpoint counts the function's messages so: every
	 * message trigger reports {@code completed}, {@code retried} and {@code deadLettered}.
	 */
	protected void awaitMessages(String function, long completed, long retried, long deadLettered) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(messages(function)).containsEntry("completed", completed)
				.containsEntry("retried", retried)
				.containsEntry("deadLettered", deadLettered));
	}

	/** The settlement counts the {@code funcboot} Actuator endpoint shows for the function. */
	@SuppressWarnings("unchecked")
	protected Map<String, Object> messages(String function) {
		Map<String, Object> described = endpoint().function(function);
		Map<String, Object> trigger = (Map<String, Object>) described.get("trigger");
		return (Map<String, Object>) trigger.get("messages");
	}

	/** The last application's {@code /actuator/funcboot} endpoint. */
	protected FuncbootEndpoint endpoint() {
		ConfigurableApplicationContext context = this.applications.get(this.applications.size() - 1);
		// built as FuncbootEndpointAutoConfiguration does; a non-web application exposes no endpoint bean
		return new FuncbootEndpoint(context.getBean(FunctionBindingRegistry.class),
				context.getBean(FunctionStatistics.class),
				context.getBeanProvider(TriggerStatus.class).orderedStream().toList());
	}

	/**
	 * For brokers: {@code accept} paused through the endpoint takes nothing (the broker keeps it)
	 * until it is resumed, then goes on where it stopped, each message once.
	 */
	@SuppressWarnings("unchecked")
	protected void pausedFunctionsTakeNothingUntilResumed(String destination) {
		start(triggerProperties("accept", destination));
		send(destination, order("p-1", 1));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completed().contains("p-1"));
		Map<String, Object> paused = endpoint().changeState("accept", "paused");
		assertThat((Map<String, Object>) paused.get("trigger")).containsEntry("paused", true)
			.containsEntry("listening", false);
		send(destination, order("p-2", 1));
		send(destination, order("p-3", 1));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.recorder.completed().size() == 1 && pending(destination) == 2);
		Map<String, Object> resumed = endpoint().changeState("accept", "resumed");
		assertThat((Map<String, Object>) resumed.get("trigger")).containsEntry("paused", false)
			.containsEntry("listening", true);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completed().size() == 3);
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(destination) == 0);
		assertThat(this.recorder.completed()).containsExactly("p-1", "p-2", "p-3");
		assertThat(List.of("p-1", "p-2", "p-3")).allSatisfy((id) -> assertThat(this.recorder.attempts(id)).isOne());
		// another state, or a function that is not there
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint().changeState("accept", "stopped"))
			.withMessageContaining("'paused' or 'resumed'");
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint().changeState("nothing-here", "paused"))
			.withMessageContaining("no function 'nothing-here'");
	}

	protected List<String> send(String destination, int count) {
		List<String> ids = IntStream.rangeClosed(1, count).mapToObj((i) -> destination + "-" + i).toList();
		ids.forEach((id) -> send(destination, order(id, 1)));
		return ids;
	}

	protected static String order(String id, int quantity) {
		return "{\"id\":\"" + id + "\",\"quantity\":" + quantity + "}";
	}

}
