package dev.funcboot.trigger.http;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class RoutePrefixTests {

	@Nested
	@SpringBootTest(classes = HttpTestFunctions.class, properties = "funcboot.http.route-prefix=")
	@AutoConfigureMockMvc
	@ActiveProfiles("httptest")
	class EmptyPrefix {

		@Autowired
		MockMvc mvc;

		@Test
		void routesSitAtTheRootAndOtherHandlersStillAnswer() throws Exception {
			this.mvc.perform(get("/hello")).andExpect(content().string("Hello, Funcboot"));
			this.mvc.perform(get("/api/hello")).andExpect(status().isNotFound());
			this.mvc.perform(get("/plain")).andExpect(content().string("plain"));
		}

	}

	@Nested
	@SpringBootTest(classes = HttpTestFunctions.class, properties = "funcboot.http.route-prefix=/v1/fn/")
	@AutoConfigureMockMvc
	@ActiveProfiles("httptest")
	class NestedPrefix {

		@Autowired
		MockMvc mvc;

		@Test
		void routesSitBelowTheConfiguredPrefix() throws Exception {
			this.mvc.perform(get("/v1/fn/hello")).andExpect(content().string("Hello, Funcboot"));
			this.mvc.perform(get("/api/hello")).andExpect(status().isNotFound());
			this.mvc.perform(get("/v1/fn/nothing")).andExpect(status().isNotFound());
		}

	}

}
