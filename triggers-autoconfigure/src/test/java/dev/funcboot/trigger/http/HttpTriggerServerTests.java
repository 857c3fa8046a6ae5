package dev.funcboot.trigger.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP trigger over a real socket (embedded Tomcat), with spring-cloud-function-web on the
 * class path: its endpoints must not open a way around the keys.
 */
@SpringBootTest(classes = HttpTestFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=*")
@ActiveProfiles("httptest")
class HttpTriggerServerTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	final HttpClient client = HttpClient.newHttpClient();

	final ObjectMapper mapper = new ObjectMapper();

	HttpResponse<String> send(String method, String path, String contentType, String body, String key)
			throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		if (key != null) {
			builder.header("x-functions-key", key);
		}
		return this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	JsonNode problem(HttpResponse<String> response) throws Exception {
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode json = this.mapper.readTree(response.body());
		assertThat(json.get("status").asInt()).isEqualTo(response.statusCode());
		assertThat(json.get("correlationId").asText()).isNotBlank();
		assertThat(response.headers().firstValue(ProblemResponses.CORRELATION_HEADER))
			.hasValue(json.get("correlationId").asText());
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
		return json;
	}

	@Test
	void functionsAnswerOverTheWire() throws Exception {
		HttpResponse<String> response = send("GET", "/api/orders/9?expand=all", null, null,
				"order-key-0123456789abcdef");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.mapper.readTree(response.body()).get("expand").asText()).isEqualTo("all");
	}

	@Test
	void everyErrorClassIsAProblemDetail() throws Exception {
		String json = "application/json";
		assertThat(problem(send("POST", "/api/orders", json, "{bad", "host-key-0123456789abcdef")).get("detail")
			.asText()).contains("Malformed JSON");
		assertThat(problem(send("POST", "/api/orders", json, "{\"quantity\":\"x\"}", "host-key-0123456789abcdef"))
			.get("field")
			.asText()).isEqualTo("quantity");
		assertThat(send("GET", "/api/orders/1", null, null, null).statusCode()).isEqualTo(401);
		assertThat(problem(send("GET", "/api/orders/1", null, null, "secret-key-0123456789abcdef")).get("status")
			.asInt()).isEqualTo(403);
		assertThat(problem(send("GET", "/api/missing", null, null, null)).get("status").asInt()).isEqualTo(404);
		assertThat(problem(send("PUT", "/api/hello", null, null, null)).get("status").asInt()).isEqualTo(405);
		assertThat(problem(send("POST", "/api/notes", json, "{\"item\":\"" + "y".repeat(5000) + "\"}", null))
			.get("status")
			.asInt()).isEqualTo(413);
		assertThat(problem(send("POST", "/api/orders", "text/csv", "a,b", "host-key-0123456789abcdef")).get("status")
			.asInt()).isEqualTo(415);
		assertThat(problem(send("GET", "/api/boom", null, null, null)).get("detail").asText())
			.doesNotContain("hunter2");
		assertThat(problem(send("GET", "/api/slow", null, null, null)).get("status").asInt()).isEqualTo(504);
	}

	@Test
	void aKeyProtectedFunctionCannotBeCalledWithoutAKeyByAnyPath() throws Exception {
		assertThat(this.context.getBeanNamesForType(
				org.springframework.cloud.function.web.mvc.FunctionHandlerMapping.class)).isEmpty();
		HttpTestFunctions.secretCalls.set(0);
		List<String> paths = List.of("/secret", "/secret/x", "/functions/secret", "/api/secret/", "/API/SECRET",
				"/api//secret", "/api/./secret", "/api/%73ecret", "/api/secret;jsessionid=1", "/api/secret?code=",
				"/function/secret", "/actuator/funcboot/secret", "/api/uppercase", "/uppercase");
		for (String path : paths) {
			for (String method : List.of("GET", "POST", "PUT")) {
				HttpResponse<String> response = send(method, path, "text/plain", "x", null);
				assertThat(response.body()).as(method + " " + path).doesNotContain("secret:");
				assertThat(response.body()).as(method + " " + path).doesNotContain("X!").doesNotContain("\"X\"");
			}
		}
		assertThat(HttpTestFunctions.secretCalls.get()).isZero();
		HttpResponse<String> withKey = send("POST", "/api/secret", "text/plain", "x", "secret-key-0123456789abcdef");
		assertThat(withKey.body()).isEqualTo("secret:x");
		assertThat(HttpTestFunctions.secretCalls.get()).isEqualTo(1);
	}

	@Test
	void actuatorEndpointListsFunctionsWithCountsAndLastError() throws Exception {
		send("GET", "/api/hello", null, null, null);
		send("GET", "/api/boom", null, null, null);
		JsonNode body = this.mapper.readTree(send("GET", "/actuator/funcboot", null, null, null).body());
		JsonNode hello = null;
		JsonNode boom = null;
		for (JsonNode function : body.get("functions")) {
			if (function.get("name").asText().equals("hello")) {
				hello = function;
			}
			if (function.get("name").asText().equals("boom")) {
				boom = function;
			}
		}
		assertThat(hello).isNotNull();
		assertThat(hello.get("trigger").get("type").asText()).isEqualTo("http");
		assertThat(hello.get("trigger").get("route").asText()).isEqualTo("hello");
		assertThat(hello.get("invocations").get("success").asLong()).isPositive();
		assertThat(boom.get("lastError").get("type").asText()).isEqualTo(IllegalStateException.class.getName());
		JsonNode single = this.mapper.readTree(send("GET", "/actuator/funcboot/shout", null, null, null).body());
		assertThat(single.get("definition").asText()).isEqualTo("uppercase|exclaim");
		JsonNode health = this.mapper.readTree(send("GET", "/actuator/health", null, null, null).body());
		assertThat(health.get("status").asText()).isEqualTo("UP");
	}

	@Test
	void aStateChangeFuncbootCannotMakeIsA400ThatSaysWhy() throws Exception {
		String json = "application/json";
		HttpResponse<String> http = send("POST", "/actuator/funcboot/hello", json, "{\"state\":\"paused\"}", null);
		assertThat(http.statusCode()).isEqualTo(400);
		JsonNode problem = this.mapper.readTree(http.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asText()).isEqualTo("function 'hello' (http trigger) cannot be paused");
		assertThat(problem.get("function").asText()).isEqualTo("hello");
		HttpResponse<String> unknown = send("POST", "/actuator/funcboot/nope", json, "{\"state\":\"paused\"}", null);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(this.mapper.readTree(unknown.body()).get("detail").asText()).isEqualTo("no function 'nope'");
		HttpResponse<String> state = send("POST", "/actuator/funcboot/hello", json, "{\"state\":\"sleepy\"}", null);
		assertThat(state.statusCode()).isEqualTo(400);
		assertThat(this.mapper.readTree(state.body()).get("detail").asText())
			.isEqualTo("state must be 'paused' or 'resumed', was 'sleepy'");
		HttpResponse<String> none = send("POST", "/actuator/funcboot/hello", json, "{}", null);
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(this.mapper.readTree(none.body()).get("detail").asText())
			.isEqualTo("the body must name a state: {\"state\": \"paused\"} or {\"state\": \"resumed\"}");
		HttpResponse<String> malformed = send("POST", "/actuator/funcboot/hello", json, "{\"state\":", null);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode unreadable = this.mapper.readTree(malformed.body());
		assertThat(unreadable.get("detail").asText()).startsWith("the body is not JSON (")
			.endsWith("send {\"state\": \"paused\"} or {\"state\": \"resumed\"}");
		assertThat(unreadable.get("function").asText()).isEqualTo("hello");
		assertThat(unreadable.get("instance").asText()).isEqualTo("/actuator/funcboot/hello");
		// the read operations are still the endpoint's own
		assertThat(this.mapper.readTree(send("GET", "/actuator/funcboot/hello", null, null, null).body())
			.get("name")
			.asText()).isEqualTo("hello");
	}

}
