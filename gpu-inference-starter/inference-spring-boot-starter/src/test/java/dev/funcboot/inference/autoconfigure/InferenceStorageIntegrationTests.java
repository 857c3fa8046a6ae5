package dev.funcboot.inference.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.inference.ModelRegistry;
import dev.funcboot.inference.ModelStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Models behind Storage queue triggers and a model hosted in Blob Storage, against Azurite (started
 * by {@code scripts/services.sh start azurite}; these tests fail, never skip, when it is not
 * running), on the real PyTorch engine.
 */
@SpringBootTest(classes = InferenceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class InferenceStorageIntegrationTests {

	static final String CONNECTION_STRING = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
			+ "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
			+ "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

	static final String SUFFIX = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

	static final String IN = "infer-in-" + SUFFIX;

	static final String OUT = "infer-out-" + SUFFIX;

	static final String GATED_IN = "infer-gated-" + SUFFIX;

	static final String GATED_OUT = "infer-gated-out-" + SUFFIX;

	static final String CONTAINER = "models-" + SUFFIX;

	private static QueueServiceClient queues;

	private final ObjectMapper mapper = new ObjectMapper();

	@Autowired
	ModelRegistry registry;

	@Autowired
	GateTranslator gate;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void azurite() throws IOException {
		for (int port : new int[] { 10000, 10001 }) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			}
			catch (IOException ex) {
				throw new AssertionError("Azurite is not reachable on 127.0.0.1:" + port
						+ ". Start it with: scripts/services.sh start azurite", ex);
			}
		}
		queues = new QueueServiceClientBuilder().connectionString(CONNECTION_STRING).buildClient();
		BlobContainerClient container = new BlobServiceClientBuilder().connectionString(CONNECTION_STRING)
			.buildClient()
			.getBlobContainerClient(CONTAINER);
		container.createIfNotExists();
		try (InputStream model = InferenceStorageIntegrationTests.class.getResourceAsStream("/models/linear.pt")) {
			byte[] bytes = model.readAllBytes();
			container.getBlobClient("nested/linear.pt").upload(new java.io.ByteArrayInputStream(bytes), bytes.length, true);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		properties.add("funcboot.storage.connections.default.connection-string", () -> CONNECTION_STRING);
		properties.add("funcboot.queue.max-polling-interval", () -> "500ms");
		properties.add("funcboot.inference.models.iris.location", () -> "classpath:models/linear.pt");
		properties.add("funcboot.inference.models.iris.input-shape", () -> "4");
		properties.add("funcboot.functions.iris.queue.name", () -> IN);
		properties.add("funcboot.functions.iris.queue-output.name", () -> OUT);
		// a model that only Blob Storage holds, read with the default connection's key
		properties.add("funcboot.inference.models.blobbed.location",
				() -> "http://127.0.0.1:10000/devstoreaccount1/" + CONTAINER + "/nested/linear.pt");
		properties.add("funcboot.inference.models.blobbed.input-shape", () -> "4");
		// one worker, one waiting request: a burst of four overflows; rejected messages come back after
		// retry-after (1 s), long before the 10-minute visibility timeout an ordinary failure waits
		properties.add("funcboot.inference.models.gated.location", () -> "classpath:models/linear.pt");
		properties.add("funcboot.inference.models.gated.translator", () -> "gate");
		properties.add("funcboot.inference.models.gated.batch-size", () -> "1");
		properties.add("funcboot.inference.models.gated.queue-size", () -> "1");
		properties.add("funcboot.inference.models.gated.retry-after", () -> "1s");
		properties.add("funcboot.functions.gated.queue.name", () -> GATED_IN);
		properties.add("funcboot.functions.gated.queue.batch-size", () -> "4");
		properties.add("funcboot.functions.gated.queue.visibility-timeout", () -> "10m");
		properties.add("funcboot.functions.gated.queue.max-dequeue-count", () -> "20");
		properties.add("funcboot.functions.gated.queue-output.name", () -> GATED_OUT);
	}

	@BeforeEach
	void loaded() throws InterruptedException {
		assertThat(this.registry.awaitLoaded(Duration.ofSeconds(120))).isTrue();
	}

	private static void send(String queue, String json) {
		QueueClient client = queues.getQueueClient(queue);
		client.createIfNotExists();
		client.sendMessage(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> receiveAll(String queue, int count) {
		QueueClient client = queues.getQueueClient(queue);
		client.createIfNotExists();
		List<String> bodies = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			for (QueueMessageItem item : client.receiveMessages(32, Duration.ofMinutes(5), null, null)) {
				bodies.add(new String(Base64.getDecoder().decode(item.getBody().toString()), StandardCharsets.UTF_8));
				client.deleteMessage(item.getMessageId(), item.getPopReceipt());
			}
			return bodies.size() >= count;
		});
		return bodies;
	}

	@Test
	void aQueueMessageIsClassifiedIntoTheOutputQueue() throws Exception {
		send(IN, "[1, 2, 3, 4]");
		JsonNode result = this.mapper.readTree(receiveAll(OUT, 1).get(0));
		assertThat(result.get(0).floatValue()).isCloseTo(1.1f, within(1e-5f));
		assertThat(result.get(1).floatValue()).isCloseTo(3.8f, within(1e-5f));
		assertThat(result.get(2).floatValue()).isCloseTo(5.3f, within(1e-5f));
	}

	@Test
	void aMessageOfTheWrongShapeGoesToThePoisonQueueWithTheReason() {
		send(IN, "[1, 2, 3]");
		String poison = receiveAll(IN + "-poison", 1).get(0);
		assertThat(poison).contains("Model 'iris' expects a tensor of shape (4) (4 float values), received shape (3)");
	}

	@Test
	void aFullModelQueueRetriesTheMessagesInsteadOfPoisoningThem() throws Exception {
		this.gate.gate = new CountDownLatch(1);
		this.gate.entered = new CountDownLatch(1);
		try {
			for (int i = 0; i < 4; i++) {
				send(GATED_IN, "[" + i + ", 0, 0, 0]");
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> rejected() >= 1);
		}
		finally {
			this.gate.gate.countDown();
		}
		List<String> results = receiveAll(GATED_OUT, 4);
		List<Float> firsts = new ArrayList<>();
		for (String result : results) {
			firsts.add(this.mapper.readTree(result).get(0).floatValue());
		}
		// row 0 of W is (1, 0, 0, 0), bias 0.1: each message's first output is its first input + 0.1
		assertThat(firsts).hasSize(4).allSatisfy((value) -> assertThat(value).isBetween(0f, 4f));
		assertThat(firsts.stream().map((value) -> Math.round(value - 0.1f)).sorted().toList()).containsExactly(0, 1, 2, 3);
		QueueClient poison = queues.getQueueClient(GATED_IN + "-poison");
		poison.createIfNotExists();
		assertThat(poison.peekMessage()).as("nothing was dead-lettered").isNull();
	}

	private double rejected() {
		var counter = this.meters.find("funcboot.inference.rejected").tag("model", "gated").counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void aModelHostedInBlobStorageLoadsFromAzurite() {
		assertThat(this.registry.get("blobbed").state().status()).as(String.valueOf(this.registry.get("blobbed").state()))
			.isEqualTo(ModelStatus.READY);
		float[] result = (float[]) this.registry.get("blobbed").predict(new float[] { 1, 2, 3, 4 });
		assertThat(result).containsExactly(new float[] { 1.1f, 3.8f, 5.3f }, within(1e-5f));
	}

}
