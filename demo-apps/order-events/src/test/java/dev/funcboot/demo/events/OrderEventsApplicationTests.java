package dev.funcboot.demo.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole demo against the real RabbitMQ (127.0.0.1:5672) and an embedded Kafka broker: orders
 * posted over HTTP are published to RabbitMQ, validated, forwarded to Kafka and counted per
 * product; a bad order ends in the dead-letter queue with the reason. Topic names are unique per
 * run, as RabbitMQ outlives it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderEventsApplicationTests {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);

	private static final ObjectMapper JSON = new ObjectMapper();

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void brokers(DynamicPropertyRegistry registry) {
		kafka.afterPropertiesSet();
		registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::getBrokersAsString);
		registry.add("demo.orders-topic", () -> "demo-orders-" + RUN);
		registry.add("demo.events-topic", () -> "demo-order-events-" + RUN);
	}

	@AfterAll
	static void stopKafka() {
		kafka.destroy();
	}

	@Test
	void ordersFlowThroughRabbitAndKafkaIntoTheCountsAndBadOnesAreDeadLettered() throws Exception {
		assertThat(post("{\"product\":\"espresso\",\"quantity\":2}")).isEqualTo(202);
		assertThat(post("{\"product\":\"croissant\",\"quantity\":1}")).isEqualTo(202);
		assertThat(post("{\"product\":\"espresso\",\"quantity\":3}")).isEqualTo(202);
		assertThat(post("{\"product\":\"espresso\",\"quantity\":0}")).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(counts()).isEqualTo(Map.of("espresso", 5, "croissant", 1)));
		String deadLetterQueue = "demo-orders-" + RUN + ".validate.dlq";
		await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(deadLetterQueue) != null);
		GetResponse deadLetter = deadLetter(deadLetterQueue);
		assertThat(String.valueOf(deadLetter.getProps().getHeaders().get("x-funcboot-reason")))
			.contains("PoisonMessageException")
			.contains("quantity must be between 1 and 100, was 0");
		assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).contains("\"quantity\":0");
	}

	private int post(String body) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/orders"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> counts() throws IOException, InterruptedException {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/counts")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return JSON.readValue(body, Map.class);
	}

	/** The first message of the queue, left there. */
	private static GetResponse deadLetter(String queue) throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			try {
				return channel.basicGet(queue, false);
			}
			catch (IOException ex) {
				return null;
			}
		}
	}

}
