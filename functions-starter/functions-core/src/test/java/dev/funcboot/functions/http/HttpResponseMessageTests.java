package dev.funcboot.functions.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class HttpResponseMessageTests {

	@Test
	void okHasStatus200AndNoHeaders() {
		HttpResponseMessage response = HttpResponseMessage.ok("hello");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello");
		assertThat(response.headers()).isEmpty();
	}

	@Test
	void builderCollectsRepeatedHeadersInOrder() {
		HttpResponseMessage response = HttpResponseMessage.status(201)
			.header("Location", "/orders/42")
			.header("Set-Cookie", "a=1")
			.header("Set-Cookie", "b=2")
			.body(Map.of("id", 42))
			.build();
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.headers()).containsExactly(entry("Location", List.of("/orders/42")),
				entry("Set-Cookie", List.of("a=1", "b=2")));
		assertThat(response.body()).isEqualTo(Map.of("id", 42));
	}

	@Test
	void builtResponseIsNotChangedByLaterBuilderCalls() {
		HttpResponseMessage.Builder builder = HttpResponseMessage.status(200).header("X-A", "1");
		HttpResponseMessage response = builder.build();
		builder.header("X-A", "2").header("X-B", "3");
		assertThat(response.headers()).containsExactly(entry("X-A", List.of("1")));
	}

	@Test
	void headersCannotBeModified() {
		Map<String, List<String>> headers = new HashMap<>();
		headers.put("X-A", new ArrayList<>(List.of("1")));
		HttpResponseMessage response = new HttpResponseMessage(200, headers, null);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> response.headers().put("X-B", List.of("2")));
	}

	@Test
	void statusOutsideHttpRangeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> HttpResponseMessage.status(99).build())
			.withMessage("HTTP status must be 100-599, was 99");
		assertThatIllegalArgumentException().isThrownBy(() -> new HttpResponseMessage(600, null, null))
			.withMessageContaining("was 600");
	}

}
