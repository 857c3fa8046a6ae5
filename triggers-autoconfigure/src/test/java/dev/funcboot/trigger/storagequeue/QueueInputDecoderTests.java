package dev.funcboot.trigger.storagequeue;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.queue.QueueMessage;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class QueueInputDecoderTests {

	record Order(String id, int quantity) {
	}

	private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();

	private final QueueInputDecoder.Metadata metadata = new QueueInputDecoder.Metadata("m-1", "orders", 2,
			Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-08T10:00:00Z"));

	@Test
	void decodesJsonIntoTheInputType() {
		assertThat(decode(Order.class, "{\"id\":\"o-1\",\"quantity\":2}")).isEqualTo(new Order("o-1", 2));
	}

	@Test
	void givesStringsAndBytesUnchanged() {
		assertThat(decode(String.class, "plain ä")).isEqualTo("plain ä");
		assertThat(decode(byte[].class, "raw")).isEqualTo("raw".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void wrapsTheBodyWithTheMessageMetadata() {
		Type type = new ParameterizedTypeReference<QueueMessage<Order>>() {
		}.getType();
		QueueMessage<?> message = (QueueMessage<?>) decode(type, "{\"id\":\"o-1\",\"quantity\":2}");
		assertThat(message.body()).isEqualTo(new Order("o-1", 2));
		assertThat(message.id()).isEqualTo("m-1");
		assertThat(message.queue()).isEqualTo("orders");
		assertThat(message.dequeueCount()).isEqualTo(2);
		assertThat(message.insertionTime()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
		assertThat(message.expirationTime()).isEqualTo(Instant.parse("2025-03-08T10:00:00Z"));
	}

	@Test
	void aListInputMakesABatchFunctionWhoseMessagesAreItsElements() {
		Type orders = new ParameterizedTypeReference<List<Order>>() {
		}.getType();
		QueueInputDecoder batch = new QueueInputDecoder("fn", orders, this.mapper);
		assertThat(batch.isBatch()).isTrue();
		assertThat(batch.decode("{\"id\":\"o-1\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8), this.metadata))
			.isEqualTo(new Order("o-1", 2));
		Type messages = new ParameterizedTypeReference<List<QueueMessage<String>>>() {
		}.getType();
		assertThat(new QueueInputDecoder("fn", messages, this.mapper).decode("text".getBytes(StandardCharsets.UTF_8),
				this.metadata))
			.isEqualTo(new QueueMessage<>("text", "m-1", "orders", 2, Instant.parse("2025-03-01T10:00:00Z"),
					Instant.parse("2025-03-08T10:00:00Z")));
		assertThat(new QueueInputDecoder("fn", Order.class, this.mapper).isBatch()).isFalse();
	}

	@Test
	void aFieldThatDoesNotFitIsNamed() {
		assertThatExceptionOfType(InputConversionException.class)
			.isThrownBy(() -> decode(Order.class, "{\"id\":\"o-1\",\"quantity\":\"two\"}"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("quantity"))
			.withMessageContaining("Field 'quantity'");
	}

	@Test
	void malformedOrEmptyJsonIsPoison() {
		assertThatExceptionOfType(InputConversionException.class).isThrownBy(() -> decode(Order.class, "{\"id\":"))
			.withMessageContaining("Malformed JSON");
		assertThatExceptionOfType(InputConversionException.class).isThrownBy(() -> decode(Order.class, ""))
			.withMessageContaining("The message is empty");
	}

	@Test
	void aSupplierCannotTakeMessages() {
		assertThatIllegalStateException().isThrownBy(() -> new QueueInputDecoder("tick", null, this.mapper))
			.withMessageContaining("Queue function 'tick' takes no input");
	}

	private Object decode(Type type, String payload) {
		return new QueueInputDecoder("fn", type, this.mapper).decode(payload.getBytes(StandardCharsets.UTF_8),
				this.metadata);
	}

}
