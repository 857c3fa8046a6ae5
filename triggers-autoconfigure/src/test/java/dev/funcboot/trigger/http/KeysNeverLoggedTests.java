package dev.funcboot.trigger.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Keys travel in headers, query strings and admin responses, but never into the log. */
@SpringBootTest(classes = HttpTestFunctions.class,
		properties = { "logging.level.dev.funcboot=DEBUG", "logging.level.org.springframework.web=DEBUG" })
@AutoConfigureMockMvc
@ActiveProfiles("httptest")
@ExtendWith(OutputCaptureExtension.class)
class KeysNeverLoggedTests {

	@Autowired
	MockMvc mvc;

	@Test
	void keysDoNotAppearInTheLog(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/api/orders/1").header("x-functions-key", "order-key-0123456789abcdef"));
		this.mvc.perform(get("/api/orders/1?code=host-key-0123456789abcdef"));
		this.mvc.perform(get("/api/orders/1?code=wrong-key-0123456789abcdef"));
		MvcResult created = this.mvc
			.perform(post("/admin/host/keys/ops").header("x-functions-key", "master-key-0123456789abcdef"))
			.andReturn();
		String generated = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.value");
		this.mvc.perform(put("/admin/functions/secret/keys/ci").header("x-functions-key", "master-key-0123456789abcdef")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"value\":\"put-value-0123456789abcdef\"}"));
		this.mvc.perform(get("/api/boom?code=host-key-0123456789abcdef"));
		assertThat(output.getAll()).contains("Host key 'ops' created")
			.doesNotContain("order-key-0123456789abcdef")
			.doesNotContain("host-key-0123456789abcdef")
			.doesNotContain("wrong-key-0123456789abcdef")
			.doesNotContain("master-key-0123456789abcdef")
			.doesNotContain("put-value-0123456789abcdef")
			.doesNotContain(generated);
	}

}
