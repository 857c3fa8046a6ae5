package dev.funcboot.trigger.dapr;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No sidecar at all (the Dapr client points at closed ports): the application starts, health says
 * why Dapr functions get no events, and publishing fails into a retry. Also the app API token.
 */
@SpringBootTest(classes = DaprTestFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=*", "management.endpoint.health.show-details=always",
				"funcboot.dapr.app-api-token=sidecar-token-0123456789", "funcboot.dapr.publish-timeout=2s" })
class DaprNoSidecarTests {

	@DynamicPropertySource
	static void closedPorts(DynamicPropertyRegistry registry) throws Exception {
		int http;
		int grpc;
		try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
			http = a.getLocalPort();
			grpc = b.getLocalPort();
		}
		registry.add("dapr.client.http-port", () -> http);
		registry.add("dapr.client.grpc-port", () -> grpc);
	}

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper mapper = new ObjectMapper();

	@Test
	void healthReportsTheSidecarUnreachableWithTheFix() throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/health", null, null);
		assertThat(response.statusCode()).isEqualTo(503);
		JsonNode dapr = this.mapper.readTree(response.body()).at("/components/dapr");
		assertThat(dapr.at("/status").asText()).isEqualTo("DOWN");
		assertThat(dapr.at("/details/reason").asText()).contains("Dapr sidecar not reachable at http://127.0.0.1:")
			.contains("dapr run");
		assertThat(dapr.at("/details/unavailableFunctions").toString()).contains("orderPlaced", "queuedOrder");
	}

	@Test
	void theEndpointShowsDaprFunctionsUnavailable() throws Exception {
		JsonNode function = this.mapper.readTree(send("GET", "/actuator/funcboot/orderPlaced", null, null).body());
		assertThat(function.at("/trigger/available").asBoolean()).isFalse();
		assertThat(function.at("/trigger/unavailableReason").asText()).contains("not reachable");
		JsonNode all = this.mapper.readTree(send("GET", "/actuator/funcboot", null, null).body());
		assertThat(all.at("/triggers/dapr-topic/running").asBoolean()).isFalse();
	}

	@Test
	void aPublishWithoutSidecarRetriesTheEvent() throws Exception {
		HttpResponse<String> response = send("POST", "/dapr/functions/confirm",
				DaprTriggerServerTests.cloudEvent("n-1", "order", "{\"id\":\"n-1\",\"quantity\":1}"),
				"sidecar-token-0123456789");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.mapper.readTree(response.body()).get("status").asText()).isEqualTo("RETRY");
	}

	@Test
	void callsWithoutTheAppApiTokenAreRefused() throws Exception {
		assertThat(send("GET", "/dapr/subscribe", null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/dapr/subscribe", null, "wrong").statusCode()).isEqualTo(401);
		assertThat(send("POST", "/orders-queue", "{\"id\":\"x\",\"quantity\":1}", null).statusCode()).isEqualTo(401);
		HttpResponse<String> ok = send("GET", "/dapr/subscribe", null, "sidecar-token-0123456789");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(this.mapper.readTree(ok.body()).size()).isEqualTo(7);
	}

	HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			builder.header("Content-Type", "application/cloudevents+json");
		}
		if (token != null) {
			builder.header("dapr-api-token", token);
		}
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

}
