package dev.funcboot.demo.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.functions.timer.TimerInfo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1",
				"funcboot.keys.store-directory=target/test-keys", "demo.retention=PT0S",
				"demo.queues.incoming=test-incoming-http", "demo.queues.accepted=test-accepted-http" })
class OrderIntakeApplicationTests {

	static final String HOST_KEY = "dev-host-key-change-me-0001";

	@LocalServerPort
	int port;

	@Autowired
	OrderRepository orders;

	@Autowired
	@Qualifier("cleanupOrders")
	Consumer<TimerInfo> cleanupOrders;

	final HttpClient client = HttpClient.newHttpClient();

	final ObjectMapper mapper = new ObjectMapper();

	HttpResponse<String> call(String method, String path, String body, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json");
		if (key != null) {
			request.header("x-functions-key", key);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void catalogueIsAnonymous() throws Exception {
		HttpResponse<String> response = call("GET", "/api/products", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("espresso");
	}

	@Test
	void ordersNeedAKeyAndRoundTrip() throws Exception {
		assertThat(call("POST", "/api/orders", "{\"product\":\"espresso\",\"quantity\":2}", null).statusCode())
			.isEqualTo(401);
		HttpResponse<String> created = call("POST", "/api/orders",
				"{\"product\":\"espresso\",\"quantity\":2,\"customer\":\"ada\"}", HOST_KEY);
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> fetched = call("GET", location, null, HOST_KEY);
		assertThat(fetched.statusCode()).isEqualTo(200);
		JsonNode order = this.mapper.readTree(fetched.body());
		assertThat(order.get("product").asText()).isEqualTo("espresso");
		assertThat(order.get("quantity").asInt()).isEqualTo(2);
		assertThat(call("GET", "/api/orders?limit=1", null, HOST_KEY).body()).contains("espresso");
	}

	@Test
	void badInputIsAProblemDetail() throws Exception {
		HttpResponse<String> malformed = call("POST", "/api/orders", "{\"product\":", HOST_KEY);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("Malformed JSON").contains("correlationId");
		HttpResponse<String> unknownProduct = call("POST", "/api/orders", "{\"product\":\"tea\",\"quantity\":1}",
				HOST_KEY);
		assertThat(unknownProduct.statusCode()).isEqualTo(400);
		assertThat(unknownProduct.body()).contains("product must be one of");
		assertThat(call("GET", "/api/orders/999999", null, HOST_KEY).statusCode()).isEqualTo(404);
		assertThat(call("GET", "/api/orders/abc", null, HOST_KEY).statusCode()).isEqualTo(404);
	}

	@Test
	void cleanupDeletesOrdersPastRetention() throws Exception {
		this.orders.save(new NewOrder("croissant", 1, "old"), Instant.now().minusSeconds(60));
		assertThat(this.orders.recent(100)).isNotEmpty();
		this.cleanupOrders.accept(new TimerInfo("0 * * * * *", Instant.now(), null, false));
		assertThat(this.orders.recent(100)).isEmpty();
	}

}
