package dev.funcboot.trigger.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control for {@link HttpTriggerServerTests}: when the guard is switched off,
 * spring-cloud-function-web does serve the key-protected function without a key, so the
 * "no way around the keys" test really exercises the guard.
 */
@SpringBootTest(classes = HttpTestFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "funcboot.http.expose-function-web=true")
@ActiveProfiles("httptest")
class FunctionWebExposureTests {

	@LocalServerPort
	int port;

	@Test
	void withTheGuardOffSpringCloudFunctionWebBypassesTheKeys() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/secret"))
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString("x"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("secret:x");
	}

}
