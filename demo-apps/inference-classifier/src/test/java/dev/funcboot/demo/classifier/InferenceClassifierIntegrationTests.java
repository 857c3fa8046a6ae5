package dev.funcboot.demo.classifier;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.inference.ModelRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The demo as shipped, against Azurite, with the bundled model on the CPU. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InferenceClassifierIntegrationTests {

	static final String CONNECTION_STRING = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
			+ "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
			+ "QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

	static final String SUFFIX = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

	static final String READINGS = "readings-" + SUFFIX;

	static final String CLASSIFICATIONS = "classifications-" + SUFFIX;

	static final String FEATURES = "[0.5, -1.0, 2.0, 0.0, 1.5, -0.5, 0.25, 3.0]";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ModelRegistry models;

	private final ObjectMapper mapper = new ObjectMapper();

	@BeforeAll
	static void azurite() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 10001), 2000);
		}
		catch (IOException ex) {
			throw new AssertionError("Azurite is not reachable on 127.0.0.1:10001. Start it with: "
					+ "scripts/services.sh start azurite", ex);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		properties.add("funcboot.storage.connections.default.connection-string", () -> CONNECTION_STRING);
		properties.add("READINGS_QUEUE", () -> READINGS);
		properties.add("CLASSIFICATIONS_QUEUE", () -> CLASSIFICATIONS);
	}

	@BeforeEach
	void loaded() throws InterruptedException {
		assertThat(this.models.awaitLoaded(Duration.ofSeconds(120))).isTrue();
	}

	private ResponseEntity<String> post(String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.postForEntity(path, new HttpEntity<>(json, headers), String.class);
	}

	@Test
	void theModelAnswersWithProbabilitiesOverHttp() throws Exception {
		ResponseEntity<String> response = post("/api/models/classifier", FEATURES);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		JsonNode probabilities = this.mapper.readTree(response.getBody());
		assertThat(probabilities.size()).isEqualTo(3);
		float sum = 0;
		for (JsonNode p : probabilities) {
			sum += p.floatValue();
		}
		assertThat(sum).as("a softmax").isCloseTo(1f, within(1e-4f));
	}

	@Test
	void aReadingOnTheQueueIsClassifiedOntoTheOutputQueueLikeOverHttp() throws Exception {
		JsonNode overHttp = this.mapper.readTree(post("/api/classify", "{\"id\": \"h-1\", \"features\": " + FEATURES + "}").getBody());
		assertThat(overHttp.get("id").asText()).isEqualTo("h-1");
		assertThat(ClassifierFunctions.LABELS).contains(overHttp.get("label").asText());
		QueueClient readings = new QueueServiceClientBuilder().connectionString(CONNECTION_STRING).buildClient()
			.getQueueClient(READINGS);
		readings.createIfNotExists();
		readings.sendMessage(Base64.getEncoder()
			.encodeToString(("{\"id\": \"q-1\", \"features\": " + FEATURES + "}").getBytes(StandardCharsets.UTF_8)));
		QueueClient out = new QueueServiceClientBuilder().connectionString(CONNECTION_STRING).buildClient()
			.getQueueClient(CLASSIFICATIONS);
		out.createIfNotExists();
		List<String> bodies = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			for (QueueMessageItem item : out.receiveMessages(32, Duration.ofMinutes(5), null, null)) {
				bodies.add(new String(Base64.getDecoder().decode(item.getBody().toString()), StandardCharsets.UTF_8));
			}
			return !bodies.isEmpty();
		});
		JsonNode overQueue = this.mapper.readTree(bodies.get(0));
		assertThat(overQueue.get("id").asText()).isEqualTo("q-1");
		assertThat(overQueue.get("label").asText()).isEqualTo(overHttp.get("label").asText());
		assertThat(overQueue.get("confidence").floatValue()).isCloseTo(overHttp.get("confidence").floatValue(), within(1e-5f));
	}

	@Test
	void aReadingWithTheWrongNumberOfFeaturesIs400() throws Exception {
		ResponseEntity<String> response = post("/api/classify", "{\"id\": \"h-2\", \"features\": [1, 2]}");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(this.mapper.readTree(response.getBody()).get("detail").asText())
			.isEqualTo("Model 'classifier' expects a tensor of shape (8) (8 float values), received shape (2) (2 values)");
	}

}
