package dev.funcboot.trigger.dapr;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.functions.pipeline.InvocationOutcome;
import dev.funcboot.functions.pipeline.InvocationResult;
import io.dapr.client.domain.CloudEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application side of Dapr over a real socket, called exactly as a sidecar calls it:
 * subscription discovery, CloudEvent delivery (single and bulk) with Dapr's delivery statuses, and
 * input binding calls. The Dapr client points at an in-process sidecar stand-in (not Dapr), so
 * health reports a reachable sidecar.
 */
@SpringBootTest(classes = DaprTestFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=*", "management.endpoint.health.show-details=always",
				"funcboot.functions.confirm.dapr.route=/confirmations", "funcboot.dapr.max-event-size=64KB" })
class DaprTriggerServerTests {

	static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	static final DaprSidecarStandIn sidecar = standIn();

	@DynamicPropertySource
	static void sidecar(DynamicPropertyRegistry registry) {
		registry.add("dapr.client.grpc-port", sidecar::grpcPort);
		registry.add("dapr.client.http-port", sidecar::httpPort);
	}

	@AfterAll
	static void stopSidecar() throws Exception {
		sidecar.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	DaprTestFunctions.Recorder recorder;

	@Autowired
	DaprServiceInvoker invoker;

	@Autowired
	LegacyTopicController legacy;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper mapper = new ObjectMapper();

	@BeforeEach
	void clear() {
		this.recorder.received.clear();
		this.recorder.results.clear();
	}

	@Test
	void discoveryAnnouncesEveryTopicFunctionInDaprsFormat() throws Exception {
		HttpResponse<String> response = send("GET", "/dapr/subscribe", null, null, Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(this.mapper.readTree(response.body())).isEqualTo(this.mapper.readTree("""
				[
				  {"pubsubname":"orders-pubsub","topic":"orders","routes":{"rules":[
				    {"match":"event.type == \\"cancel\\"","path":"/dapr/functions/cancellation"},
				    {"match":"event.type == \\"priority\\"","path":"/dapr/functions/priorityOrder"}],
				    "default":"/dapr/functions/orderPlaced"}},
				  {"pubsubname":"orders-pubsub","topic":"bulk-orders","route":"/dapr/functions/bulkOrder",
				   "deadLetterTopic":"bulk-orders-dead",
				   "bulkSubscribe":{"enabled":true,"maxMessagesCount":50,"maxAwaitDurationMs":40}},
				  {"pubsubname":"orders-pubsub","topic":"paired","route":"/dapr/functions/paired",
				   "bulkSubscribe":{"enabled":true}},
				  {"pubsubname":"orders-pubsub","topic":"audit","route":"/audit-events"},
				  {"pubsubname":"orders-pubsub","topic":"confirm","route":"/confirmations"},
				  {"pubsubname":"orders-pubsub","topic":"forward","route":"/dapr/functions/forward"},
				  {"pubsubname":"orders-pubsub","topic":"legacy","route":"/legacy","metadata":{}}
				]"""));
	}

	@Test
	void anSdkTopicControllerKeepsItsRoute() throws Exception {
		assertThat(deliver("/legacy", cloudEvent("l-1", "legacy", "{\"id\":\"l-1\",\"quantity\":1}"), Map.of())
			.statusCode()).isEqualTo(200);
		assertThat(this.legacy.received).singleElement().asString().contains("\"id\":\"l-1\"");
	}

	@Test
	void aCloudEventIsUnwrappedAndAnsweredSuccess() throws Exception {
		HttpResponse<String> response = deliver("/dapr/functions/orderPlaced", cloudEvent("e-1", "order.created",
				"{\"id\":\"o-1\",\"quantity\":2}"), Map.of("traceparent", TRACEPARENT));
		assertThat(status(response)).isEqualTo("SUCCESS");
		assertThat(this.recorder.received).containsExactly(new DaprTestFunctions.Order("o-1", 2));
		Map<String, Object> metadata = this.recorder.last("orderPlaced").context().triggerMetadata();
		assertThat(metadata).containsEntry("pubsub", "orders-pubsub")
			.containsEntry("topic", "orders")
			.containsEntry("cloudEvent.id", "e-1")
			.containsEntry("cloudEvent.type", "order.created")
			.containsEntry("traceparent", TRACEPARENT)
			.containsEntry("cloudEvent.traceparent", "00-11111111111111111111111111111111-2222222222222222-01");
		assertThat(this.recorder.last("orderPlaced").context().trigger()).isEqualTo("dapr-topic");
	}

	@Test
	void withoutATraceHeaderTheCloudEventsTraceparentIsTheInvocations() throws Exception {
		deliver("/dapr/functions/orderPlaced", cloudEvent("e-2", "order.created", "{\"id\":\"o-2\",\"quantity\":1}"),
				Map.of());
		assertThat(this.recorder.last("orderPlaced").context().triggerMetadata()).containsEntry("traceparent",
				"00-11111111111111111111111111111111-2222222222222222-01");
	}

	@Test
	void aCloudEventInputGetsTheWholeEnvelope() throws Exception {
		assertThat(status(deliver("/dapr/functions/priorityOrder",
				cloudEvent("e-3", "priority", "{\"id\":\"p-1\",\"quantity\":9}"), Map.of()))).isEqualTo("SUCCESS");
		CloudEvent<?> event = (CloudEvent<?>) this.recorder.received.get(0);
		assertThat(event.getId()).isEqualTo("e-3");
		assertThat(event.getType()).isEqualTo("priority");
		assertThat(event.getPubsubName()).isEqualTo("orders-pubsub");
		assertThat(event.getTraceParent()).isEqualTo("00-11111111111111111111111111111111-2222222222222222-01");
		assertThat(event.getData()).isEqualTo(new DaprTestFunctions.Order("p-1", 9));
	}

	@Test
	void textDataReachesAStringFunctionAsText() throws Exception {
		String event = "{\"specversion\":\"1.0\",\"id\":\"e-4\",\"source\":\"checkout\",\"type\":\"cancel\","
				+ "\"datacontenttype\":\"text/plain\",\"data\":\"o-7 by customer\"}";
		assertThat(status(deliver("/dapr/functions/cancellation", event, Map.of()))).isEqualTo("SUCCESS");
		assertThat(this.recorder.received).containsExactly("cancel:o-7 by customer");
	}

	@Test
	void poisonIsDroppedWithItsReasonCounted() throws Exception {
		long before = countOf("orderPlaced", "drop");
		assertThat(status(deliver("/dapr/functions/orderPlaced",
				cloudEvent("e-5", "order.created", "{\"id\":\"o-5\",\"quantity\":-1}"), Map.of()))).isEqualTo("DROP");
		assertThat(countOf("orderPlaced", "drop")).isEqualTo(before + 1);
		assertThat(functionView("orderPlaced").at("/trigger/lastDropReason").asText())
			.contains("quantity must not be negative: -1");
	}

	@Test
	void dataThatDoesNotFitTheInputIsDroppedNamingTheField() throws Exception {
		assertThat(status(deliver("/dapr/functions/orderPlaced",
				cloudEvent("e-6", "order.created", "{\"id\":\"o-6\",\"quantity\":\"two\"}"), Map.of())))
			.isEqualTo("DROP");
		InvocationResult result = this.recorder.last("orderPlaced");
		assertThat(result.outcome()).isEqualTo(InvocationOutcome.POISON);
		assertThat(result.reason()).contains("Field 'quantity'");
		assertThat(this.recorder.received).isEmpty();
	}

	@Test
	void malformedJsonIsDroppedNotRetriedForever() throws Exception {
		assertThat(status(deliver("/dapr/functions/orderPlaced", "{\"specversion\":\"1.0\",", Map.of())))
			.isEqualTo("DROP");
		assertThat(this.recorder.last("orderPlaced").reason()).contains("Malformed JSON");
	}

	@Test
	void anOversizedEventIsDroppedAndAnOversizedBindingCallRefused() throws Exception {
		String big = "x".repeat(70 * 1024);
		assertThat(status(deliver("/dapr/functions/orderPlaced",
				cloudEvent("e-big", "order.created", "{\"id\":\"" + big + "\",\"quantity\":1}"), Map.of())))
			.isEqualTo("DROP");
		assertThat(functionView("orderPlaced").at("/trigger/lastDropReason").asText())
			.contains("larger than funcboot.dapr.max-event-size (65536 bytes)");
		HttpResponse<String> binding = send("POST", "/orders-queue", "application/json",
				"{\"id\":\"" + big + "\",\"quantity\":1}", Map.of());
		assertThat(binding.statusCode()).isEqualTo(413);
		assertThat(this.recorder.received).isEmpty();
	}

	@Test
	void aRetryableFailureAsksDaprToRetry() throws Exception {
		long before = countOf("orderPlaced", "retry");
		assertThat(status(deliver("/dapr/functions/orderPlaced",
				cloudEvent("e-7", "order.created", "{\"id\":\"flaky-1\",\"quantity\":1}"), Map.of())))
			.isEqualTo("RETRY");
		assertThat(countOf("orderPlaced", "retry")).isEqualTo(before + 1);
	}

	@Test
	void retriesExhaustedInProcessMakeTheEventPoison() throws Exception {
		assertThat(status(deliver("/audit-events", cloudEvent("e-8", "audit", "{\"id\":\"flaky-2\",\"quantity\":1}"),
				Map.of()))).isEqualTo("DROP");
		assertThat(this.recorder.received).containsExactly("audit:flaky-2", "audit:flaky-2");
		assertThat(this.recorder.last("audit").context().attempt()).isEqualTo(2);
		assertThat(functionView("audit").at("/trigger/lastDropReason").asText())
			.startsWith("retries exhausted after 2 attempts: java.lang.IllegalStateException: inventory service");
	}

	@Test
	void bulkDeliverySettlesEachEntryOnItsOwn() throws Exception {
		String bulk = """
				{"id":"b-1","pubsubname":"orders-pubsub","topic":"bulk-orders","type":"com.dapr.event.sent.bulk",
				 "metadata":{},
				 "entries":[
				  {"entryId":"1","contentType":"application/cloudevents+json","metadata":{"partition":"0"},
				   "event":%s},
				  {"entryId":"2","contentType":"application/cloudevents+json","event":%s},
				  {"entryId":"3","contentType":"application/cloudevents+json","event":%s},
				  {"entryId":"4","contentType":"application/json","event":{"id":"b-raw","quantity":4}}
				 ]}""".formatted(cloudEvent("c-1", "order", "{\"id\":\"b-ok\",\"quantity\":1}"),
				cloudEvent("c-2", "order", "{\"id\":\"b-poison\",\"quantity\":-3}"),
				cloudEvent("c-3", "order", "{\"id\":\"flaky-b\",\"quantity\":1}"));
		HttpResponse<String> response = deliver("/dapr/functions/bulkOrder", bulk, Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.mapper.readTree(response.body())).isEqualTo(this.mapper.readTree("""
				{"statuses":[{"entryId":"1","status":"SUCCESS"},{"entryId":"2","status":"DROP"},
				 {"entryId":"3","status":"RETRY"},{"entryId":"4","status":"SUCCESS"}]}"""));
		assertThat(this.recorder.received).containsExactlyInAnyOrder(new DaprTestFunctions.Order("b-ok", 1),
				new DaprTestFunctions.Order("b-raw", 4));
		assertThat(this.recorder.results).anySatisfy((result) -> assertThat(result.context().triggerMetadata())
			.containsEntry("entryId", "1")
			.containsEntry("metadata.partition", "0"));
	}

	@Test
	void bulkEntriesRunInParallel() throws Exception {
		String bulk = "{\"entries\":[{\"entryId\":\"a\",\"contentType\":\"application/cloudevents+json\",\"event\":"
				+ cloudEvent("p-1", "order", "{\"id\":\"p-1\",\"quantity\":1}")
				+ "},{\"entryId\":\"b\",\"contentType\":\"application/cloudevents+json\",\"event\":"
				+ cloudEvent("p-2", "order", "{\"id\":\"p-2\",\"quantity\":1}") + "}]}";
		HttpResponse<String> response = deliver("/dapr/functions/paired", bulk, Map.of());
		assertThat(this.mapper.readTree(response.body())).isEqualTo(this.mapper.readTree(
				"{\"statuses\":[{\"entryId\":\"a\",\"status\":\"SUCCESS\"},{\"entryId\":\"b\",\"status\":\"SUCCESS\"}]}"));
		assertThat(this.recorder.received).containsExactlyInAnyOrder("paired:p-1", "paired:p-2");
	}

	@Test
	void aSingleEventOnABulkRouteIsStillAnswered() throws Exception {
		assertThat(status(deliver("/dapr/functions/bulkOrder",
				cloudEvent("c-9", "order", "{\"id\":\"single\",\"quantity\":1}"), Map.of()))).isEqualTo("SUCCESS");
	}

	@Test
	void theResultIsPublishedThroughTheDaprClientWithTheTraceContext() throws Exception {
		sidecar.published.clear();
		assertThat(status(deliver("/confirmations", cloudEvent("e-9", "order", "{\"id\":\"o-9\",\"quantity\":1}"),
				Map.of("traceparent", TRACEPARENT, "tracestate", "vendor=1")))).isEqualTo("SUCCESS");
		assertThat(sidecar.published).hasSize(1);
		DaprSidecarStandIn.Published published = sidecar.published.get(0);
		assertThat(published.request().getPubsubName()).isEqualTo("orders-pubsub");
		assertThat(published.request().getTopic()).isEqualTo("confirmed");
		assertThat(published.request().getDataContentType()).isEqualTo("application/json");
		assertThat(published.request().getData().toStringUtf8())
			.isEqualTo("{\"orderId\":\"o-9\",\"status\":\"accepted\"}");
		assertThat(published.request().getMetadataMap()).containsExactlyInAnyOrderEntriesOf(
				Map.of("cloudevent.traceparent", TRACEPARENT, "cloudevent.tracestate", "vendor=1"));
		assertThat(published.headers().get(DaprSidecarStandIn.TRACEPARENT)).isEqualTo(TRACEPARENT);
	}

	@Test
	void functionsGetTheStartersClientAndTemplateInjected() throws Exception {
		sidecar.published.clear();
		assertThat(status(deliver("/dapr/functions/forward",
				cloudEvent("e-12", "order", "{\"id\":\"o-12\",\"quantity\":5}"), Map.of()))).isEqualTo("SUCCESS");
		assertThat(sidecar.published).hasSize(1);
		assertThat(sidecar.published.get(0).request().getPubsubName()).isEqualTo("orders-pubsub");
		assertThat(sidecar.published.get(0).request().getTopic()).isEqualTo("forwarded");
		assertThat(this.mapper.readTree(sidecar.published.get(0).request().getData().toStringUtf8()))
			.isEqualTo(this.mapper.readTree("{\"id\":\"o-12\",\"quantity\":5}"));
	}

	@Test
	void aCronBindingRunsASupplier() throws Exception {
		assertThat(send("POST", "/nightly-cron", null, null, Map.of()).statusCode()).isEqualTo(200);
		assertThat(this.recorder.received).containsExactly("nightly");
	}

	@Test
	void aFailedPublishRetriesTheEvent() throws Exception {
		sidecar.failingTopics.add("confirmed");
		try {
			assertThat(status(deliver("/confirmations",
					cloudEvent("e-10", "order", "{\"id\":\"o-10\",\"quantity\":1}"), Map.of()))).isEqualTo("RETRY");
		}
		finally {
			sidecar.failingTopics.clear();
		}
	}

	@Test
	void anInputBindingAnswersTheSidecarsProbeAndRunsTheFunction() throws Exception {
		assertThat(send("OPTIONS", "/orders-queue", null, null, Map.of()).statusCode()).isEqualTo(200);
		HttpResponse<String> ok = send("POST", "/orders-queue", "application/json",
				"{\"id\":\"q-1\",\"quantity\":1}", Map.of("x-queue-message-id", "m-1"));
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(this.recorder.received).containsExactly("queued:q-1");
		assertThat(this.recorder.last("queuedOrder").context().triggerMetadata()).containsEntry("binding",
				"orders-queue");
		@SuppressWarnings("unchecked")
		Map<String, String> headers = (Map<String, String>) this.recorder.last("queuedOrder")
			.context()
			.triggerMetadata()
			.get("headers");
		assertThat(headers).containsEntry("x-queue-message-id", "m-1");
	}

	@Test
	void anInputBindingAnswersPoisonWith400AndFailuresWith500() throws Exception {
		HttpResponse<String> poison = send("POST", "/orders-queue", "application/json", "{\"id\":\"q-2\",\"quantity\":-1}",
				Map.of());
		assertThat(poison.statusCode()).isEqualTo(400);
		assertThat(poison.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.mapper.readTree(poison.body()).get("detail").asText()).contains("quantity must not be negative");
		HttpResponse<String> failure = send("POST", "/orders-queue", "application/json",
				"{\"id\":\"flaky-q\",\"quantity\":1}", Map.of());
		assertThat(failure.statusCode()).isEqualTo(500);
		assertThat(failure.body()).doesNotContain("inventory service unavailable").doesNotContain("Exception");
		assertThat(functionView("queuedOrder").at("/trigger/events/rejected").asLong()).isPositive();
	}

	@Test
	void healthAndTheEndpointShowTheSidecarReachable() throws Exception {
		JsonNode health = this.mapper.readTree(send("GET", "/actuator/health", null, null, Map.of()).body());
		assertThat(health.at("/components/dapr/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/funcboot/status").asText()).isEqualTo("UP");
		assertThat(functionView("orderPlaced").at("/trigger/available").asBoolean()).isTrue();
	}

	@Test
	void theInvokerCallsAnotherAppsFunctionByAppIdThroughTheSidecar() throws Exception {
		sidecar.invoked.clear();
		Map<?, ?> answer = this.invoker.post("approvals", "api/approvals", new DaprTestFunctions.Order("o-11", 3),
				Map.of("x-functions-key", "approvals-key"), Map.class);
		assertThat(answer).isEqualTo(Map.of("decision", "approved"));
		assertThat(sidecar.invoked).hasSize(1);
		DaprSidecarStandIn.Invoked call = sidecar.invoked.get(0);
		assertThat(call.method()).isEqualTo("POST");
		assertThat(call.path()).isEqualTo("/v1.0/invoke/approvals/method/api/approvals");
		assertThat(this.mapper.readTree(call.body())).isEqualTo(this.mapper.readTree("{\"id\":\"o-11\",\"quantity\":3}"));
		assertThat(call.headers()).containsEntry("X-functions-key", java.util.List.of("approvals-key"));
	}

	private long countOf(String function, String status) throws Exception {
		return functionView(function).at("/trigger/events/" + status).asLong();
	}

	private JsonNode functionView(String function) throws Exception {
		return this.mapper.readTree(send("GET", "/actuator/funcboot/" + function, null, null, Map.of()).body());
	}

	private String status(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(200);
		return this.mapper.readTree(response.body()).get("status").asText();
	}

	static String cloudEvent(String id, String type, String data) {
		return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"checkout\",\"type\":\"" + type + "\","
				+ "\"datacontenttype\":\"application/json\",\"pubsubname\":\"orders-pubsub\",\"topic\":\"orders\","
				+ "\"traceparent\":\"00-11111111111111111111111111111111-2222222222222222-01\",\"data\":" + data + "}";
	}

	HttpResponse<String> deliver(String path, String body, Map<String, String> headers) throws Exception {
		return send("POST", path, "application/cloudevents+json", body, headers);
	}

	HttpResponse<String> send(String method, String path, String contentType, String body, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		headers.forEach(builder::header);
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static DaprSidecarStandIn standIn() {
		try {
			return new DaprSidecarStandIn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
