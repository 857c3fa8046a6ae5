package dev.funcboot.trigger.storagequeue.binder;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PoisonEnvelopeTests {

	private final PoisonEnvelope envelope = PoisonEnvelope.of("retries exhausted after 5 attempts: boom", "orders",
			"orders", "m-1", 5, Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:05:00Z"),
			MessageEncoding.BASE64, "eyJpZCI6NDJ9");

	@Test
	void writesTheDocumentedFieldsInOrder() throws Exception {
		String json = this.envelope.toJson();
		assertThat(json).isEqualTo("{\"type\":\"funcboot.poison\",\"reason\":\"retries exhausted after 5 attempts: boom\","
				+ "\"function\":\"orders\",\"queue\":\"orders\",\"messageId\":\"m-1\",\"dequeueCount\":5,"
				+ "\"insertionTime\":\"2025-03-01T10:00:00Z\",\"poisonedAt\":\"2025-03-01T10:05:00Z\","
				+ "\"bodyEncoding\":\"base64\",\"body\":\"eyJpZCI6NDJ9\"}");
		JsonNode node = new ObjectMapper().readTree(json);
		assertThat(node.get("body").asText()).as("the original text, unchanged").isEqualTo("eyJpZCI6NDJ9");
	}

	@Test
	void readsBackWhatItWrote() {
		assertThat(PoisonEnvelope.fromJson(this.envelope.toJson())).isEqualTo(this.envelope);
	}

	@Test
	void leavesOutWhatItDoesNotKnow() {
		PoisonEnvelope anonymous = PoisonEnvelope.of("rejected by the consumer", null, "q", "m-2", 1, null,
				Instant.parse("2025-03-01T10:05:00Z"), MessageEncoding.NONE, "plain text");
		assertThat(anonymous.toJson()).doesNotContain("\"function\"")
			.doesNotContain("insertionTime")
			.contains("\"bodyEncoding\":\"none\"", "\"body\":\"plain text\"");
	}

	@Test
	void refusesTextThatIsNotAnEnvelope() {
		assertThatIllegalArgumentException().isThrownBy(() -> PoisonEnvelope.fromJson("{\"id\": 42"))
			.withMessageContaining("Not a poison envelope");
	}

}
