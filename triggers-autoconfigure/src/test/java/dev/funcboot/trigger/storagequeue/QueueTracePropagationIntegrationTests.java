package dev.funcboot.trigger.storagequeue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.models.PeekedMessageItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.OutputSenderProvider;
import dev.funcboot.functions.TraceContext;
import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.annotation.QueueOutput;
import dev.funcboot.functions.annotation.QueueTrigger;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chain HTTP → Storage queue → queue function is one trace: the HTTP function's output carries
 * its span's {@code traceparent} in a trace envelope, and the queue function continues that trace.
 * Real Azurite, real OpenTelemetry tracer (through Micrometer Tracing), real HTTP.
 */
class QueueTracePropagationIntegrationTests {

	private static final String INCOMING_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String INCOMING = "00-" + INCOMING_TRACE_ID + "-00f067aa0ba902b7-01";

	private static QueueServiceClient queues;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void azurite() {
		AzuriteQueues.assertRunning();
		queues = AzuriteQueues.client();
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		TracedFunctions.traceIds.clear();
	}

	@Test
	void theQueueFunctionContinuesTheTraceOfTheHttpRequestThatSentTheMessage() throws Exception {
		String queue = AzuriteQueues.uniqueQueue("traced");
		int port = start(queue, true);
		HttpResponse<String> response = post(port, "orders", "{\"id\":\"t-1\",\"quantity\":2}", INCOMING);
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(response.body()).get("id").asText()).isEqualTo("t-1");
		await().atMost(Duration.ofSeconds(30)).until(() -> TracedFunctions.traceIds.containsKey("t-1"));
		assertThat(TracedFunctions.traceIds).containsEntry("t-1", INCOMING_TRACE_ID);
	}

	@Test
	void theEnvelopeOnTheWireCarriesAChildSpanOfTheRequest() throws Exception {
		String queue = AzuriteQueues.uniqueQueue("traced-wire");
		int port = start(queue, true);
		assertThat(post(port, "unread", "{\"id\":\"w-1\",\"quantity\":1}", INCOMING).statusCode()).isEqualTo(202);
		JsonNode envelope = this.json.readTree(peekOne(queue + "-unread"));
		assertThat(envelope.get("funcboot-envelope").asInt()).isEqualTo(1);
		String traceparent = envelope.get("headers").get(TraceContext.TRACEPARENT).asText();
		assertThat(TraceContext.traceId(traceparent)).isEqualTo(INCOMING_TRACE_ID);
		assertThat(traceparent).isNotEqualTo(INCOMING);
		String body = new String(Base64.getDecoder().decode(envelope.get("body").asText()), StandardCharsets.UTF_8);
		assertThat(this.json.readTree(body).get("id").asText()).isEqualTo("w-1");
	}

	@Test
	void withoutTheEnvelopeTheMessageIsThePlainPayload() throws Exception {
		String queue = AzuriteQueues.uniqueQueue("untraced-wire");
		int port = start(queue, false);
		assertThat(post(port, "unread", "{\"id\":\"p-1\",\"quantity\":1}", INCOMING).statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(peekOne(queue + "-unread")))
			.isEqualTo(this.json.readTree("{\"id\":\"p-1\",\"quantity\":1}"));
	}

	@Test
	void anOutputThatCannotBeSentIsA503WithRetryAfterNotALostResult() throws Exception {
		String queue = AzuriteQueues.uniqueQueue("traced-broken");
		int port = start(queue, true);
		HttpResponse<String> response = post(port, "broken", "{\"id\":\"x-1\",\"quantity\":1}", null);
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.json.readTree(response.body()).get("detail").asText())
			.contains("'brokenIntake' could not send its result to its outputs");
	}

	private int start(String queue, boolean envelope) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TracedFunctions.class)
			.web(WebApplicationType.SERVLET)
			.properties(Map.of("server.port", "0", "spring.main.banner-mode", "off", "test.queue", queue,
					"funcboot.storage.connections.default.connection-string", AzuriteQueues.CONNECTION_STRING,
					"funcboot.queue.max-polling-interval", "500ms", "funcboot.queue.trace-envelope",
					Boolean.toString(envelope), "management.tracing.sampling.probability", "1.0"))
			.run();
		this.contexts.add(context);
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private HttpResponse<String> post(int port, String route, String body, String traceparent) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/" + route))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (traceparent != null) {
			request.header(TraceContext.TRACEPARENT, traceparent);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String peekOne(String queue) {
		List<PeekedMessageItem> messages = new ArrayList<>();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			AzuriteQueues.existing(queues, queue).peekMessages(1, null, null).forEach(messages::add);
			return !messages.isEmpty();
		});
		return new String(Base64.getDecoder().decode(messages.get(0).getBody().toString()), StandardCharsets.UTF_8);
	}

	record Order(String id, int quantity) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TracedFunctions {

		static final Map<String, String> traceIds = new ConcurrentHashMap<>();

		@Bean
		@HttpTrigger(route = "orders", methods = HttpMethod.POST, authLevel = AuthLevel.ANONYMOUS)
		@QueueOutput(queue = "${test.queue}")
		Function<Order, Order> intake() {
			return (order) -> order;
		}

		@Bean
		@QueueTrigger(queue = "${test.queue}")
		Consumer<Order> fulfil(Tracer tracer) {
			return (order) -> traceIds.put(order.id(), tracer.currentSpan().context().traceId());
		}

		@Bean
		@HttpTrigger(route = "unread", methods = HttpMethod.POST, authLevel = AuthLevel.ANONYMOUS)
		@QueueOutput(queue = "${test.queue}-unread")
		Function<Order, Order> unreadIntake() {
			return (order) -> order;
		}

		@Bean
		@HttpTrigger(route = "broken", methods = HttpMethod.POST, authLevel = AuthLevel.ANONYMOUS)
		@QueueOutput(queue = "${test.queue}-broken")
		Function<Order, Order> brokenIntake() {
			return (order) -> order;
		}

		/** A second output technology whose broker is down, for one function. */
		@Bean
		OutputSenderProvider brokenOutputs() {
			return (function) -> function.name().equals("brokenIntake") ? (result) -> {
				throw new IllegalStateException("broker unreachable");
			} : null;
		}

	}

}
