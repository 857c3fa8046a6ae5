package dev.funcboot.trigger.http;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = HttpTestFunctions.class)
@AutoConfigureMockMvc
@ActiveProfiles("httptest")
class HttpTriggerMockMvcTests {

	static final String ORDER_KEY = "order-key-0123456789abcdef";

	static final String HOST_KEY = "host-key-0123456789abcdef";

	static final String MASTER_KEY = "master-key-0123456789abcdef";

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	org.springframework.beans.factory.ObjectProvider<io.micrometer.observation.ObservationHandler<?>> observationHandlers;

	@Test
	void anonymousSupplierAnswersText() throws Exception {
		this.mvc.perform(get("/api/hello"))
			.andExpect(status().isOk())
			.andExpect(content().string("Hello, Funcboot"))
			.andExpect(header().string("Content-Type", containsString("text/plain")))
			.andExpect(header().string(ProblemResponses.CORRELATION_HEADER, notNullValue()));
	}

	@Test
	void routeAndQueryValuesAreBoundIntoTheInputType() throws Exception {
		this.mvc.perform(get("/api/orders/42?expand=items").header("x-functions-key", ORDER_KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(42))
			.andExpect(jsonPath("$.expand").value("items"));
	}

	@Test
	void routeConstraintRejectsNonIntegerAs404() throws Exception {
		this.mvc.perform(get("/api/orders/abc").header("x-functions-key", ORDER_KEY))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.correlationId").isNotEmpty());
	}

	@Test
	void optionalAndCatchAllSegments() throws Exception {
		this.mvc.perform(get("/api/reports/2026"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value("2026"))
			.andExpect(jsonPath("$.month").doesNotExist());
		this.mvc.perform(get("/api/reports/2026/11")).andExpect(jsonPath("$.month").value("11"));
		this.mvc.perform(get("/api/reports/2026/13")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/files/a/b/c.txt")).andExpect(content().string("file:a/b/c.txt"));
	}

	@Test
	void functionKeyFromHeaderOrCodeParameter() throws Exception {
		this.mvc.perform(get("/api/orders/1").header("x-functions-key", ORDER_KEY)).andExpect(status().isOk());
		this.mvc.perform(get("/api/orders/1?code=" + ORDER_KEY)).andExpect(status().isOk());
		this.mvc.perform(get("/api/orders/1?code=" + HOST_KEY)).andExpect(status().isOk());
		this.mvc.perform(get("/api/orders/1?code=" + MASTER_KEY)).andExpect(status().isOk());
	}

	@Test
	void missingOrWrongKeyIs401AndAnotherFunctionsKeyIs403() throws Exception {
		this.mvc.perform(get("/api/orders/1"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("x-functions-key")));
		this.mvc.perform(get("/api/orders/1").header("x-functions-key", "wrong-key-0123456789abcdef"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/orders/1").header("x-functions-key", "secret-key-0123456789abcdef"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("secret-key"))));
	}

	@Test
	void adminLevelNeedsTheMasterKey() throws Exception {
		this.mvc.perform(post("/api/ops/purge").header("x-functions-key", HOST_KEY)).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/ops/purge").header("x-functions-key", MASTER_KEY))
			.andExpect(status().isOk())
			.andExpect(content().string("purged"));
	}

	@Test
	void requestMessageAndResponseMessageGiveFullControl() throws Exception {
		this.mvc
			.perform(post("/api/orders").header("x-functions-key", HOST_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"item\":\"pen\",\"quantity\":3,\"tags\":[\"a\"]}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/orders/7"))
			.andExpect(header().string("X-Item", "pen"))
			.andExpect(jsonPath("$.quantity").value(3))
			.andExpect(jsonPath("$.invocationId").isNotEmpty());
	}

	@Test
	void malformedJsonIs400WithProblemDetails() throws Exception {
		this.mvc
			.perform(post("/api/orders").header("x-functions-key", HOST_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"item\":\"pen\",\"quantity\":"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.title").value("Bad Request"))
			.andExpect(jsonPath("$.detail").value(containsString("Malformed JSON")))
			.andExpect(jsonPath("$.function").value("createOrder"))
			.andExpect(jsonPath("$.correlationId").isNotEmpty());
	}

	@Test
	void unconvertibleFieldIs400NamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/orders").header("x-functions-key", HOST_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"item\":\"pen\",\"quantity\":\"three\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("quantity"))
			.andExpect(jsonPath("$.detail").value(containsString("\"three\"")));
		this.mvc
			.perform(post("/api/orders").header("x-functions-key", HOST_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"item\":\"pen\",\"quantity\":1,\"tags\":{\"x\":1}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("tags"));
	}

	@Test
	void poisonFromTheFunctionIs400() throws Exception {
		this.mvc
			.perform(post("/api/orders").header("x-functions-key", HOST_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"item\":\"pen\",\"quantity\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("quantity must be positive, was 0"));
	}

	@Test
	void unsupportedMediaTypeIs415() throws Exception {
		this.mvc
			.perform(post("/api/orders").header("x-functions-key", HOST_KEY)
				.contentType(MediaType.APPLICATION_XML)
				.content("<order/>"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.status").value(415));
	}

	@Test
	void bodyOverTheLimitIs413() throws Exception {
		this.mvc
			.perform(post("/api/notes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"item\":\"" + "x".repeat(2000) + "\"}"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("max-request-body-size")));
	}

	@Test
	void unknownPathUnderThePrefixIs404AndWrongMethodIs405() throws Exception {
		this.mvc.perform(get("/api/nope")).andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/hello"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "GET"));
	}

	@Test
	void failureIs500WithoutStackTraceOrMessage() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/boom")).andExpect(status().isInternalServerError()).andReturn();
		String body = result.getResponse().getContentAsString();
		assertThat(body).contains("correlationId").doesNotContain("hunter2").doesNotContain("at dev.funcboot");
	}

	@Test
	void timeoutIs504() throws Exception {
		this.mvc.perform(get("/api/slow"))
			.andExpect(status().isGatewayTimeout())
			.andExpect(jsonPath("$.detail").value(containsString("PT0.2S")));
	}

	@Test
	void fullConcurrencyLimitIs429() throws Exception {
		HttpTestFunctions.limitedRelease = new CountDownLatch(1);
		HttpTestFunctions.limitedEntered = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<MvcResult> first = executor.submit(() -> this.mvc.perform(get("/api/limited")).andReturn());
			assertThat(HttpTestFunctions.limitedEntered.await(10, TimeUnit.SECONDS)).isTrue();
			this.mvc.perform(get("/api/limited"))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", "1"));
			HttpTestFunctions.limitedRelease.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
		}
		finally {
			HttpTestFunctions.limitedRelease.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void retryLaterOverloadedIs429WithRetryAfterRoundedUp() throws Exception {
		this.mvc.perform(get("/api/busy"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "3"))
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.detail").value("Queue of 'busy' is full"))
			.andExpect(jsonPath("$.function").value("busy"));
	}

	@Test
	void retryLaterUnavailableIs503WithRetryAfter() throws Exception {
		this.mvc.perform(get("/api/warming"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.detail").value("'warming' is still loading"));
	}

	@Test
	void consumerAnswers204AndBytesAreRaw() throws Exception {
		this.mvc.perform(post("/api/notes").contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"a\"}"))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/api/bytes").contentType(MediaType.APPLICATION_OCTET_STREAM).content(new byte[] { 1, 2, 3 }))
			.andExpect(content().string("3"));
	}

	@Test
	void compositionDeclaredInProperties() throws Exception {
		this.mvc.perform(post("/api/shout").contentType(MediaType.TEXT_PLAIN).content("hey"))
			.andExpect(status().isOk())
			.andExpect(content().string("HEY!"));
	}

	@Test
	void plainControllersStillWork() throws Exception {
		this.mvc.perform(get("/plain")).andExpect(content().string("plain"));
	}

	@Test
	void invocationsAreObservedWithFunctionTriggerAndOutcomeTags() throws Exception {
		this.mvc.perform(get("/plain")).andExpect(content().string("plain"));
		this.mvc.perform(get("/api/hello")).andExpect(status().isOk());
		this.mvc.perform(get("/api/boom")).andExpect(status().isInternalServerError());
		assertThat(this.meters.get("funcboot.invocation")
			.tags("function", "hello", "trigger", "http", "outcome", "success")
			.timer()
			.count()).isPositive();
		assertThat(this.meters.get("funcboot.invocation")
			.tags("function", "boom", "trigger", "http", "outcome", "failure")
			.timer()
			.count()).isPositive();
		// recorded by Funcboot's metrics listener; Spring Boot's handler, wrapped, still measures
		// everything else (the server requests)
		assertThat(this.observationHandlers.orderedStream()
			.filter(dev.funcboot.actuate.metrics.InvocationMeterObservationHandler.class::isInstance))
			.hasSize(1);
		assertThat(this.meters.get("funcboot.invocation.active").tags("function", "hello").gauge().value()).isZero();
		assertThat(this.meters.get("http.server.requests").tags("uri", "/plain").timer().count()).isPositive();
	}

	@Test
	void keyAdminApiRequiresTheMasterKeyAndManagesKeys() throws Exception {
		this.mvc.perform(get("/admin/host/keys").header("x-functions-key", HOST_KEY)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/host/keys")).andExpect(status().isUnauthorized());
		MvcResult created = this.mvc
			.perform(post("/admin/functions/getOrder/keys/ci").header("x-functions-key", MASTER_KEY))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("ci"))
			.andReturn();
		String value = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.value");
		this.mvc.perform(get("/api/orders/5").header("x-functions-key", value)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/functions/getOrder/keys").header("x-functions-key", MASTER_KEY))
			.andExpect(jsonPath("$.keys[?(@.name=='ci')].value").value(value));
		this.mvc
			.perform(put("/admin/functions/getOrder/keys/ci").header("x-functions-key", MASTER_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"rotated-value-0123456789\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/orders/5").header("x-functions-key", value)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/orders/5").header("x-functions-key", "rotated-value-0123456789"))
			.andExpect(status().isOk());
		this.mvc.perform(delete("/admin/functions/getOrder/keys/ci").header("x-functions-key", MASTER_KEY))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/orders/5").header("x-functions-key", "rotated-value-0123456789"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/admin/functions/nope/keys").header("x-functions-key", MASTER_KEY))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(put("/admin/host/keys/short").header("x-functions-key", MASTER_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"short\"}"))
			.andExpect(status().isBadRequest());
	}

}
