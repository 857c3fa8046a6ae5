package dev.funcboot.durable.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.TaskTimedOutException;
import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.http.HttpRequestMessage;
import dev.funcboot.functions.http.HttpResponseMessage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Durable Functions HTTP management API over a real port, as a Durable Functions script uses it. */
@SpringBootTest(classes = DurableManagementApiTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "funcboot.keys.master=master-key-0123456789abcdef",
				"funcboot.keys.host.default=host-key-0123456789abcdef",
				"funcboot.keys.functions.startApproval.default=fn-key-0123456789abcdef",
				"management.endpoints.web.exposure.include=durable", "funcboot.durable.stuck-after=0s" })
class DurableManagementApiTests {

	static final String HOST_KEY = "host-key-0123456789abcdef";

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Orchestrator<String, String> approval() {
			return (ctx, order) -> {
				String reserved = ctx.callActivity("reserve", order, String.class).await();
				ctx.setCustomStatus("waiting for approval");
				try {
					boolean approved = ctx.waitForExternalEvent("approval", Duration.ofDays(3), Boolean.class).await();
					return approved ? reserved + " and approved" : reserved + " and rejected";
				}
				catch (TaskTimedOutException ex) {
					return "escalated";
				}
			};
		}

		@Bean
		Function<String, String> reserve() {
			return (order) -> "reserved " + order;
		}

		/** The async HTTP API pattern: start, answer 202 with the management URLs. */
		@Bean
		@HttpTrigger(route = "approvals", methods = HttpMethod.POST, authLevel = AuthLevel.ANONYMOUS)
		Function<HttpRequestMessage<String>, HttpResponseMessage> startApproval(DurableHttpClient client) {
			return (request) -> client
				.createCheckStatusResponse(client.scheduleNewOrchestration("approval", request.getBody()));
		}

	}

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper mapper = new ObjectMapper();

	HttpResponse<String> send(String method, String url, String body, String key) throws Exception {
		String absolute = url.startsWith("http") ? url : "http://localhost:" + this.port + url;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json");
		if (key != null) {
			request.header("x-functions-key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void asyncHttpApiFromStartToCompletionWithTheReturnedUris() throws Exception {
		HttpResponse<String> started = send("POST", "/api/approvals", "order-7", null);
		assertThat(started.statusCode()).isEqualTo(202);
		JsonNode uris = this.mapper.readTree(started.body());
		String statusUri = uris.get("statusQueryGetUri").asText();
		assertThat(started.headers().firstValue("Location")).hasValue(statusUri);
		assertThat(statusUri).startsWith("http://localhost:" + this.port + "/runtime/webhooks/durabletask/instances/")
			.contains("code=");
		for (String field : new String[] { "id", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri",
				"suspendPostUri", "resumePostUri" }) {
			assertThat(uris.hasNonNull(field)).as(field).isTrue();
		}
		// the returned URIs carry their own key: a script uses them as they are
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode status = this.mapper.readTree(send("GET", statusUri, null, null).body());
			assertThat(status.get("customStatus").asText()).isEqualTo("waiting for approval");
		});
		HttpResponse<String> running = send("GET", statusUri, null, null);
		assertThat(running.statusCode()).isEqualTo(202);
		assertThat(this.mapper.readTree(running.body()).get("runtimeStatus").asText()).isEqualTo("Running");

		String eventUri = uris.get("sendEventPostUri").asText().replace("{eventName}", "approval");
		assertThat(send("POST", eventUri, "true", null).statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(send("GET", statusUri, null, null).statusCode()).isEqualTo(200));
		JsonNode done = this.mapper
			.readTree(send("GET", statusUri + "&showHistory=true&showHistoryOutput=true", null, null).body());
		assertThat(done.get("name").asText()).isEqualTo("approval");
		assertThat(done.get("instanceId").asText()).isEqualTo(uris.get("id").asText());
		assertThat(done.get("runtimeStatus").asText()).isEqualTo("Completed");
		assertThat(done.get("input").asText()).isEqualTo("order-7");
		assertThat(done.get("output").asText()).isEqualTo("reserved order-7 and approved");
		assertThat(done.hasNonNull("createdTime")).isTrue();
		assertThat(done.hasNonNull("lastUpdatedTime")).isTrue();
		assertThat(done.get("historyEvents").toString()).contains("\"EventType\":\"TaskCompleted\"")
			.contains("\"FunctionName\":\"reserve\"")
			.contains("\"Result\":\"reserved order-7\"")
			.contains("\"EventType\":\"EventRaised\"");

		// ended: events and terminate are gone, purge deletes it
		assertThat(send("POST", eventUri, "true", null).statusCode()).isEqualTo(410);
		String purgeUri = uris.get("purgeHistoryDeleteUri").asText();
		HttpResponse<String> purged = send("DELETE", purgeUri, null, null);
		assertThat(purged.statusCode()).isEqualTo(200);
		assertThat(this.mapper.readTree(purged.body()).get("instancesDeleted").asInt()).isEqualTo(1);
		assertThat(send("GET", statusUri, null, null).statusCode()).isEqualTo(404);
	}

	@Test
	void startTerminateAndListThroughTheApi() throws Exception {
		String base = "/runtime/webhooks/durabletask";
		HttpResponse<String> started = send("POST", base + "/orchestrators/approval/fixed-1", "\"x\"", HOST_KEY);
		assertThat(started.statusCode()).isEqualTo(202);
		assertThat(send("POST", base + "/orchestrators/approval/fixed-1", "\"x\"", HOST_KEY).statusCode())
			.isEqualTo(409);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				this.mapper.readTree(send("GET", base + "/instances/fixed-1", null, HOST_KEY).body())
					.get("runtimeStatus")
					.asText())
			.isEqualTo("Running"));
		assertThat(send("POST", base + "/instances/fixed-1/terminate?reason=stop", null, HOST_KEY).statusCode())
			.isEqualTo(202);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				this.mapper.readTree(send("GET", base + "/instances/fixed-1", null, HOST_KEY).body())
					.get("runtimeStatus")
					.asText())
			.isEqualTo("Terminated"));
		JsonNode listed = this.mapper
			.readTree(send("GET", base + "/instances?runtimeStatus=Terminated", null, HOST_KEY).body());
		assertThat(listed.toString()).contains("\"instanceId\":\"fixed-1\"");
		assertThat(send("POST", base + "/instances/fixed-1/terminate", null, HOST_KEY).statusCode()).isEqualTo(410);
		assertThat(send("DELETE", base + "/instances?runtimeStatus=Terminated", null, HOST_KEY).statusCode())
			.as("bulk purge needs createdTimeFrom")
			.isEqualTo(400);
		HttpResponse<String> purged = send("DELETE",
				base + "/instances?createdTimeFrom=2000-01-01T00:00:00Z&runtimeStatus=Terminated", null, HOST_KEY);
		assertThat(purged.statusCode()).isEqualTo(200);
		assertThat(this.mapper.readTree(purged.body()).get("instancesDeleted").asInt()).isPositive();
		assertThat(send("GET", base + "/instances/fixed-1", null, HOST_KEY).statusCode()).isEqualTo(404);
	}

	@Test
	void actuatorEndpointCountsInstancesAndReportsStuckOnes() throws Exception {
		String base = "/runtime/webhooks/durabletask";
		send("POST", base + "/orchestrators/approval/waiting-1", "\"y\"", HOST_KEY);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode durable = this.mapper.readTree(send("GET", "/actuator/durable", null, null).body());
			assertThat(durable.get("instancesByStatus").get("Running").asLong()).isPositive();
			assertThat(durable.get("orchestrators").toString()).contains("approval");
			assertThat(durable.get("oldestRunning").get("instanceId").asText()).isNotBlank();
			assertThat(durable.get("stuck").toString()).contains("waiting-1");
			assertThat(durable.get("backlog").asLong()).isEqualTo(durable.get("instancesByStatus").get("Running").asLong()
					+ durable.get("instancesByStatus").path("Pending").asLong());
		});
	}

	@Test
	void badRequestsAreClearProblemDetails() throws Exception {
		String base = "/runtime/webhooks/durabletask";
		assertThat(send("GET", base + "/instances/none", null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", base + "/instances/none", null, "fn-key-0123456789abcdef").statusCode())
			.isEqualTo(403);
		HttpResponse<String> unknownOrchestrator = send("POST", base + "/orchestrators/nope", null, HOST_KEY);
		assertThat(unknownOrchestrator.statusCode()).isEqualTo(404);
		assertThat(unknownOrchestrator.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(unknownOrchestrator.body()).contains("approval");
		assertThat(send("POST", base + "/instances/none/raiseEvent/approval", "true", HOST_KEY).statusCode())
			.isEqualTo(404);
		assertThat(send("POST", base + "/orchestrators/approval", "{not json", HOST_KEY).statusCode())
			.isEqualTo(400);
		assertThat(send("GET", base + "/instances?createdTimeFrom=yesterday", null, HOST_KEY).statusCode())
			.isEqualTo(400);
	}

}
