package dev.funcboot.autoconfigure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.functions.InputConversionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonInputErrorsTests {

	record Order(String id, int quantity) {
	}

	private final ObjectMapper mapper = new ObjectMapper();

	@Test
	void namesTheFieldAndTheValue() {
		InputConversionException error = read("{\"id\":\"o-1\",\"quantity\":\"two\"}");
		assertThat(error.getField()).isEqualTo("quantity");
		assertThat(error.getMessage()).isEqualTo("Field 'quantity': cannot convert \"two\" to int");
	}

	@Test
	void repeatsOnlyTheStartOfALongValue() {
		InputConversionException error = read("{\"id\":\"o-1\",\"quantity\":\"" + "x".repeat(900) + "\"}");
		assertThat(error.getMessage()).hasSizeLessThan(200)
			.contains("x".repeat(JsonInputErrors.MAX_QUOTED_LENGTH) + "... (900 characters)");
	}

	@Test
	void malformedJsonSaysWhere() {
		assertThat(read("{\"id\":").getMessage()).startsWith("Malformed JSON at line 1, column");
	}

	private InputConversionException read(String json) {
		JsonProcessingException ex = catchThrowableOfType(JsonProcessingException.class,
				() -> this.mapper.readValue(json, Order.class));
		return JsonInputErrors.of(ex);
	}

}
