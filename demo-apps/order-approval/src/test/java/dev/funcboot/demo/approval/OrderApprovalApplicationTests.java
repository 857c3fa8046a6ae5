package dev.funcboot.demo.approval;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "funcboot.keys.store-directory=target/test-keys", "demo.approval-timeout=PT2S",
				"spring.datasource.url=jdbc:h2:mem:approval;DB_CLOSE_DELAY=-1" })
class OrderApprovalApplicationTests {

	static final String KEY = "dev-host-key-change-me-0001";

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper mapper = new ObjectMapper();

	HttpResponse<String> send(String method, String url, String body) throws Exception {
		String absolute = url.startsWith("http") ? url : "http://localhost:" + this.port + url;
		return this.http.send(HttpRequest.newBuilder(URI.create(absolute))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json")
			.header("x-functions-key", KEY)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	JsonNode waitForEnd(String statusUri) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			HttpResponse<String> status = send("GET", statusUri, null);
			assertThat(status.statusCode()).isEqualTo(200);
			last[0] = this.mapper.readTree(status.body());
		});
		return last[0];
	}

	@org.springframework.beans.factory.annotation.Autowired
	dev.funcboot.durable.store.OrchestrationStore store;

	@Test
	void orchestrationsLiveInTheDatabase() {
		assertThat(this.store).isInstanceOf(dev.funcboot.durable.store.jdbc.JdbcOrchestrationStore.class);
	}

	@Test
	void approvedOrderIsCharged() throws Exception {
		HttpResponse<String> started = send("POST", "/api/orders",
				"{\"id\":\"o-1\",\"product\":\"espresso\",\"quantity\":2,\"amountCents\":700}");
		assertThat(started.statusCode()).isEqualTo(202);
		JsonNode uris = this.mapper.readTree(started.body());
		String statusUri = uris.get("statusQueryGetUri").asText();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				this.mapper.readTree(send("GET", statusUri, null).body()).get("customStatus").asText())
			.startsWith("waiting for manager approval"));
		String approve = uris.get("sendEventPostUri").asText().replace("{eventName}", "approval");
		assertThat(send("POST", approve, "true").statusCode()).isEqualTo(202);
		JsonNode done = waitForEnd(statusUri);
		assertThat(done.get("runtimeStatus").asText()).isEqualTo("Completed");
		assertThat(done.get("output").get("decision").asText()).isEqualTo("approved");
		assertThat(done.get("output").get("detail").asText()).isEqualTo("charged 700 cents for o-1");
	}

	@Test
	void unansweredOrderExpiresAndReleasesStock() throws Exception {
		HttpResponse<String> started = send("POST", "/api/orders",
				"{\"id\":\"o-2\",\"product\":\"croissant\",\"quantity\":1,\"amountCents\":300}");
		JsonNode done = waitForEnd(this.mapper.readTree(started.body()).get("statusQueryGetUri").asText());
		assertThat(done.get("output").get("decision").asText()).isEqualTo("expired");
	}

	@Test
	void fanOutFanInReport() throws Exception {
		HttpResponse<String> started = send("POST", "/api/reports", "[\"emea\",\"amer\",\"apac\",\"anz\"]");
		JsonNode done = waitForEnd(this.mapper.readTree(started.body()).get("statusQueryGetUri").asText());
		assertThat(done.get("output").get("regions")).hasSize(4);
		long sum = 0;
		for (JsonNode region : done.get("output").get("regions")) {
			sum += region.get("cents").asLong();
		}
		assertThat(done.get("output").get("totalCents").asLong()).isEqualTo(sum);
	}

	@Test
	void invalidOrdersAreRejectedWithAProblemDetail() throws Exception {
		HttpResponse<String> response = send("POST", "/api/orders", "{\"id\":\"o-3\",\"quantity\":0}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("quantity of at least 1");
	}

}
