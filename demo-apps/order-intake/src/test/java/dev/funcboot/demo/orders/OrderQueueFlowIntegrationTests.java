package dev.funcboot.demo.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The asynchronous intake end to end, against Azurite (started by scripts/services.sh): HTTP →
 * incoming queue → validation → accepted queue, and a bad order in the poison queue with the
 * reason.
 */
// tests switch tracing off unless asked: this one checks the trace context on the wire
@AutoConfigureObservability(metrics = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:queued-orders;DB_CLOSE_DELAY=-1",
				"funcboot.keys.store-directory=target/test-keys", "funcboot.queue.max-polling-interval=500ms" })
class OrderQueueFlowIntegrationTests {

	static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

	static final String INCOMING = "it-incoming-" + RUN;

	static final String ACCEPTED = "it-accepted-" + RUN;

	static final String FILES = "it-files-" + RUN;

	@DynamicPropertySource
	static void queues(DynamicPropertyRegistry registry) {
		registry.add("demo.queues.incoming", () -> INCOMING);
		registry.add("demo.queues.accepted", () -> ACCEPTED);
		registry.add("demo.blobs.order-files", () -> FILES);
	}

	@LocalServerPort
	int port;

	final HttpClient client = HttpClient.newHttpClient();

	final ObjectMapper mapper = new ObjectMapper();

	final QueueServiceClient queues = new QueueServiceClientBuilder().connectionString("UseDevelopmentStorage=true")
		.buildClient();

	@Test
	void aQueuedOrderIsValidatedStoredAndPassedOnWithTheTraceContext() throws Exception {
		HttpResponse<String> response = submit("{\"product\":\"espresso\",\"quantity\":2,\"customer\":\"ada\"}");
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(this.mapper.readTree(response.body()).get("product").asText()).isEqualTo("espresso");
		JsonNode accepted = this.mapper.readTree(receiveOne(ACCEPTED));
		assertThat(accepted.get("funcboot-envelope").asInt()).as("the message carries the trace").isEqualTo(1);
		assertThat(accepted.get("headers").get("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		JsonNode order = this.mapper.readTree(Base64.getDecoder().decode(accepted.get("body").asText()));
		assertThat(order.get("id").asLong()).isPositive();
		assertThat(order.get("customer").asText()).isEqualTo("ada");
		assertThat(order.get("quantity").asInt()).isEqualTo(2);
	}

	@Test
	void aBadOrderLandsInThePoisonQueueWithTheReason() throws Exception {
		assertThat(submit("{\"product\":\"tea\",\"quantity\":1}").statusCode()).isEqualTo(202);
		JsonNode poison = this.mapper.readTree(receiveOne(INCOMING + "-poison"));
		assertThat(poison.get("type").asText()).isEqualTo("funcboot.poison");
		assertThat(poison.get("function").asText()).isEqualTo("validateOrder");
		assertThat(poison.get("reason").asText()).contains("product must be one of [espresso, flat-white, croissant]");
	}

	@Test
	void anUploadedCsvFileIsSplitIntoQueuedOrdersAndABadLineIsPoisonOnItsOwn() throws Exception {
		BlobContainerClient container = new BlobServiceClientBuilder().connectionString("UseDevelopmentStorage=true")
			.buildClient()
			.getBlobContainerClient(FILES);
		container.createIfNotExists();
		String csv = "product,quantity,customer\nespresso,2,ada\ncroissant,3,grace\ntea,1,linus\n";
		container.getBlobClient("monday.csv").upload(BinaryData.fromString(csv), true);
		List<JsonNode> accepted = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			JsonNode envelope = this.mapper.readTree(receiveOne(ACCEPTED));
			accepted.add(this.mapper.readTree(Base64.getDecoder().decode(envelope.get("body").asText())));
		}
		assertThat(accepted).extracting((order) -> order.get("customer").asText()).containsExactlyInAnyOrder("ada", "grace");
		JsonNode poison = this.mapper.readTree(receiveOne(INCOMING + "-poison"));
		assertThat(poison.get("reason").asText()).contains("product must be one of");
	}

	@Test
	void malformedJsonIsA400AndNothingIsQueued() throws Exception {
		HttpResponse<String> response = submit("{\"product\": \"espresso\", \"quantity\": ");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private HttpResponse<String> submit(String body) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/intake"))
			.header("Content-Type", "application/json")
			.header("x-functions-key", OrderIntakeApplicationTests.HOST_KEY)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The text of the one message the queue gets (Base64, as the binder writes it), taken off the queue. */
	private String receiveOne(String queueName) {
		QueueClient queue = this.queues.getQueueClient(queueName);
		queue.createIfNotExists();
		List<QueueMessageItem> messages = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			queue.receiveMessages(1).forEach(messages::add);
			return !messages.isEmpty();
		});
		queue.deleteMessage(messages.get(0).getMessageId(), messages.get(0).getPopReceipt());
		return new String(Base64.getDecoder().decode(messages.get(0).getBody().toString()), StandardCharsets.UTF_8);
	}

}
