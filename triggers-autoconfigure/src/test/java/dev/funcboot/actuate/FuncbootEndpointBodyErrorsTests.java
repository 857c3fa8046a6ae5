package dev.funcboot.actuate;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the endpoint's unreadable bodies are answered; the application's own stay its own. */
class FuncbootEndpointBodyErrorsTests {

	private final FuncbootEndpointBodyErrors errors = new FuncbootEndpointBodyErrors(() -> "/manage/funcboot");

	private final HttpMessageNotReadableException unreadable = new HttpMessageNotReadableException(
			"JSON parse error: Unexpected end-of-input\n at [Source: ...]", new MockHttpInputMessage(new byte[0]));

	@Test
	void anUnreadableBodyOfTheEndpointIsA400ProblemNamingTheFunction() throws IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/manage/funcboot/orders");
		request.setContextPath("/app");
		assertThat(this.errors.resolveException(request, response, null, this.unreadable)).isNotNull();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"function\":\"orders\"")
			.contains("the body is not JSON (JSON parse error: Unexpected end-of-input)")
			.contains("\"instance\":\"/manage/funcboot/orders\"");
	}

	@Test
	void otherPathsOtherErrorsAndAnUnmappedEndpointAreLeftAlone() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.errors.resolveException(new MockHttpServletRequest("POST", "/api/orders"), response, null,
				this.unreadable)).isNull();
		assertThat(this.errors.resolveException(new MockHttpServletRequest("POST", "/manage/funcbootx"), response,
				null, this.unreadable)).isNull();
		assertThat(this.errors.resolveException(new MockHttpServletRequest("POST", "/manage/funcboot/orders"), response,
				null, new IllegalStateException("not ours"))).isNull();
		assertThat(new FuncbootEndpointBodyErrors(() -> null).resolveException(
				new MockHttpServletRequest("POST", "/manage/funcboot/orders"), response, null, this.unreadable))
			.isNull();
		assertThat(response.getStatus()).isEqualTo(200);
	}

}
