package dev.funcboot.demo.approval;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.durable.client.DurableClient;
import dev.funcboot.durable.client.OrchestrationMetadata;
import dev.funcboot.durable.history.HistoryEvent;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code dapr} profile, called over HTTP exactly as a Dapr sidecar calls it (no sidecar runs
 * here; the Dapr client points at a closed port): discovery, an order event starting the approval,
 * a redelivery that does not start it twice, a poison order dropped. Also checks that the
 * component files name the pub/sub the function subscribes to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "funcboot.keys.store-directory=target/test-keys",
				"spring.datasource.url=jdbc:h2:mem:approval-dapr;DB_CLOSE_DELAY=-1" })
@ActiveProfiles("dapr")
class DaprProfileTests {

	@DynamicPropertySource
	static void noSidecar(DynamicPropertyRegistry registry) throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		registry.add("dapr.client.http-port", () -> closed);
		registry.add("dapr.client.grpc-port", () -> closed);
	}

	@LocalServerPort
	int port;

	@Autowired
	DurableClient durable;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper mapper = new ObjectMapper();

	@Test
	void theSidecarDiscoversTheOrderSubscription() throws Exception {
		HttpResponse<String> response = send("GET", "/dapr/subscribe", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.mapper.readTree(response.body())).isEqualTo(this.mapper.readTree("""
				[{"pubsubname":"orders-pubsub","topic":"orders","route":"/dapr/functions/orderFromTopic",
				  "deadLetterTopic":"orders-dead"}]"""));
	}

	@Test
	void anOrderEventStartsTheApprovalOnceEvenWhenRedelivered() throws Exception {
		String event = cloudEvent("{\"id\":\"d-1\",\"product\":\"espresso\",\"quantity\":2,\"amountCents\":700}");
		assertThat(status(send("POST", "/dapr/functions/orderFromTopic", event))).isEqualTo("SUCCESS");
		OrchestrationMetadata instance = this.durable.getInstance("order-d-1");
		assertThat(instance).isNotNull();
		assertThat(instance.name()).isEqualTo("orderApproval");
		// the worker writes the start into the history on its first step
		await().atMost(Duration.ofSeconds(10)).until(() -> executionStarts("order-d-1") == 1);
		assertThat(status(send("POST", "/dapr/functions/orderFromTopic", event))).isEqualTo("SUCCESS");
		// the redelivery starts nothing: still one start, for as long as a second one could take
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> executionStarts("order-d-1") == 1);
	}

	private long executionStarts(String instanceId) {
		return this.durable.getHistory(instanceId)
			.stream()
			.filter(HistoryEvent.ExecutionStarted.class::isInstance)
			.count();
	}

	@Test
	void aPoisonOrderIsDropped() throws Exception {
		assertThat(status(send("POST", "/dapr/functions/orderFromTopic",
				cloudEvent("{\"id\":\"d-2\",\"product\":\"espresso\",\"quantity\":0,\"amountCents\":0}"))))
			.isEqualTo("DROP");
		assertThat(this.durable.getInstance("order-d-2")).isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theComponentFilesDeclareThePubSubTheFunctionUses() throws Exception {
		Path components = Path.of("dapr/components");
		for (String file : List.of("local/orders-pubsub.yaml", "azure/orders-pubsub.yaml")) {
			try (InputStream in = Files.newInputStream(components.resolve(file))) {
				Map<String, Object> component = new Yaml().load(in);
				assertThat(((Map<String, Object>) component.get("metadata")).get("name")).as(file)
					.isEqualTo("orders-pubsub");
				assertThat((List<String>) component.get("scopes")).as(file).containsExactly("order-approval");
			}
		}
		for (String file : List.of("containerapps/orders-pubsub.yaml",
				"containerapps/orders-pubsub-connection-string.yaml")) {
			try (InputStream in = Files.newInputStream(components.resolve(file))) {
				Map<String, Object> component = new Yaml().load(in);
				assertThat(component.get("componentType")).as(file).isEqualTo("pubsub.azure.servicebus.topics");
				assertThat(component).as(file).doesNotContainKeys("apiVersion", "kind");
				assertThat((List<String>) component.get("scopes")).as(file).containsExactly("order-approval");
			}
		}
	}

	private String status(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(200);
		return this.mapper.readTree(response.body()).get("status").asText();
	}

	private static String cloudEvent(String data) {
		return "{\"specversion\":\"1.0\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"source\":\"checkout\","
				+ "\"type\":\"com.dapr.event.sent\",\"datacontenttype\":\"application/json\","
				+ "\"pubsubname\":\"orders-pubsub\",\"topic\":\"orders\",\"data\":" + data + "}";
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			builder.header("Content-Type", "application/cloudevents+json");
		}
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

}
