package dev.funcboot.inference.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.inference.ModelFunction;
import dev.funcboot.inference.ModelRegistry;
import dev.funcboot.inference.ModelStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Models bound to HTTP triggers by properties only, end to end over a real port: the real PyTorch
 * engine (CPU natives from the bundled jar, offline) behind the HTTP trigger and the pipeline.
 */
@SpringBootTest(classes = InferenceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "funcboot.inference.models.iris.location=classpath:models/linear.pt",
				"funcboot.inference.models.iris.input-shape=4",
				"funcboot.inference.models.iris.max-batch-delay=2ms",
				"funcboot.functions.iris.http.route=models/iris", "funcboot.functions.iris.http.auth-level=anonymous",
				"funcboot.inference.models.gated.location=classpath:models/linear.pt",
				"funcboot.inference.models.gated.translator=gate", "funcboot.inference.models.gated.workers=1",
				"funcboot.inference.models.gated.batch-size=1", "funcboot.inference.models.gated.queue-size=1",
				"funcboot.inference.models.gated.retry-after=2s",
				"funcboot.functions.gated.http.auth-level=anonymous",
				"funcboot.inference.models.broken.location=classpath:models/missing.pt",
				"funcboot.inference.models.broken.input-shape=4",
				"funcboot.functions.broken.http.auth-level=anonymous",
				"management.endpoints.web.exposure.include=health",
				"management.endpoint.health.show-details=always" })
class InferenceHttpTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ModelRegistry registry;

	@Autowired
	GateTranslator gate;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationContext context;

	private final ObjectMapper mapper = new ObjectMapper();

	@BeforeEach
	void modelsLoaded() throws InterruptedException {
		assertThat(this.registry.awaitLoaded(Duration.ofSeconds(120))).isTrue();
	}

	private ResponseEntity<String> post(String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.postForEntity(path, new HttpEntity<>(json, headers), String.class);
	}

	private JsonNode json(ResponseEntity<String> response) throws Exception {
		return this.mapper.readTree(response.getBody());
	}

	@Test
	void eachModelIsAFunctionBeanNamedAfterIt() {
		assertThat(this.context.getBean("iris")).isInstanceOf(ModelFunction.Tensors.class);
		assertThat(this.context.getBean("gated")).isInstanceOfSatisfying(FunctionRegistration.class,
				(registration) -> assertThat(registration.getTarget()).isInstanceOf(ModelFunction.class));
	}

	@Test
	void aTensorModelAnswersOverHttp() throws Exception {
		ResponseEntity<String> response = post("/api/models/iris", "[1, 2, 3, 4]");
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.size()).isEqualTo(3);
		assertThat(body.get(0).floatValue()).isCloseTo(1.1f, within(1e-5f));
		assertThat(body.get(1).floatValue()).isCloseTo(3.8f, within(1e-5f));
		assertThat(body.get(2).floatValue()).isCloseTo(5.3f, within(1e-5f));
	}

	@Test
	void aWrongShapeIs400NamingTheModelAndBothShapes() throws Exception {
		ResponseEntity<String> response = post("/api/models/iris", "[1, 2, 3]");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(json(response).get("detail").asText())
			.isEqualTo("Model 'iris' expects a tensor of shape (4) (4 float values), received shape (3) (3 values)");
	}

	@Test
	void aWrongTypeIs400() throws Exception {
		ResponseEntity<String> response = post("/api/models/iris", "{\"petals\": 4}");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(json(response).get("function").asText()).isEqualTo("iris");
	}

	@Test
	void aFullQueueIs429WithRetryAfterAndIsCounted() throws Exception {
		this.gate.gate = new CountDownLatch(1);
		this.gate.entered = new CountDownLatch(1);
		try {
			CompletableFuture<ResponseEntity<String>> first = CompletableFuture
				.supplyAsync(() -> post("/api/gated", "[1, 2, 3, 4]"));
			assertThat(this.gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<ResponseEntity<String>> second = CompletableFuture
				.supplyAsync(() -> post("/api/gated", "[0, 0, 0, 0]"));
			await().atMost(Duration.ofSeconds(30)).until(() -> this.registry.get("gated").queueDepth() == 1);
			ResponseEntity<String> rejected = post("/api/gated", "[1, 1, 1, 1]");
			assertThat(rejected.getStatusCode().value()).isEqualTo(429);
			assertThat(rejected.getHeaders().getFirst("Retry-After")).isEqualTo("2");
			assertThat(json(rejected).get("detail").asText()).contains("Model 'gated' has 1 requests waiting");
			assertThat(this.meters.get("funcboot.inference.rejected").tag("model", "gated").counter().count())
				.isEqualTo(1.0);
			assertThat(this.meters.get("funcboot.inference.queue.depth").tag("model", "gated").gauge().value())
				.isEqualTo(1.0);
			this.gate.gate.countDown();
			assertThat(first.get(30, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(200);
			ResponseEntity<String> queued = second.get(30, TimeUnit.SECONDS);
			assertThat(queued.getStatusCode().value()).isEqualTo(200);
			assertThat(json(queued).get(0).floatValue()).isCloseTo(0.1f, within(1e-5f));
		}
		finally {
			this.gate.gate.countDown();
		}
	}

	@Test
	void aModelThatFailedToLoadIs503AndDownInHealthWhileTheAppRuns() throws Exception {
		assertThat(this.registry.get("broken").state().status()).isEqualTo(ModelStatus.FAILED);
		ResponseEntity<String> response = post("/api/broken", "[1, 2, 3, 4]");
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("30");
		assertThat(json(response).get("detail").asText()).contains("Model 'broken' failed to load")
			.contains("no class path resource 'models/missing.pt'");
		JsonNode health = json(this.http.getForEntity("/actuator/health/inference", String.class));
		assertThat(health.at("/components/broken/status").asText()).isEqualTo("DOWN");
		assertThat(health.at("/components/broken/details/reason").asText()).contains("models/missing.pt");
		assertThat(health.at("/components/iris/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/iris/details/device").asText()).isEqualTo("cpu()");
		assertThat(health.at("/components/iris/details/engine").asText()).isEqualTo("PyTorch");
	}

	@Test
	void batchesAndLatencyAreMeasured() {
		for (int i = 0; i < 3; i++) {
			assertThat(post("/api/models/iris", "[0, 0, 0, 0]").getStatusCode().value()).isEqualTo(200);
		}
		assertThat(this.meters.get("funcboot.inference.batch.size").tag("model", "iris").summary().count())
			.isGreaterThanOrEqualTo(3);
		assertThat(this.meters.get("funcboot.inference.latency").tags("model", "iris", "outcome", "success")
			.timer()
			.count()).isGreaterThanOrEqualTo(3);
	}

}
