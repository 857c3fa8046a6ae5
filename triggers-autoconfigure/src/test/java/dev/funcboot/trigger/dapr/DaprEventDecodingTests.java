package dev.funcboot.trigger.dapr;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.functions.InputConversionException;
import io.dapr.client.domain.CloudEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DaprEventDecodingTests {

	record Order(String id, int quantity) {
	}

	private final ObjectMapper mapper = new ObjectMapper();

	@Test
	void base64DataIsDecodedForEveryInputKind() {
		String base64 = Base64.getEncoder().encodeToString("{\"id\":\"b\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8));
		DaprEvent event = parse("{\"specversion\":\"1.0\",\"id\":\"1\",\"data_base64\":\"" + base64 + "\"}");
		assertThat(decoder(Order.class).decode(event)).isEqualTo(new Order("b", 2));
		assertThat(decoder(String.class).decode(event)).isEqualTo("{\"id\":\"b\",\"quantity\":2}");
		assertThat((byte[]) decoder(byte[].class).decode(event))
			.isEqualTo("{\"id\":\"b\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aBodyThatIsNotACloudEventIsTheData() {
		DaprEvent json = DaprEvent.parse("{\"id\":\"r\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8),
				"application/json", this.mapper);
		assertThat(json.isCloudEvent()).isFalse();
		assertThat(decoder(Order.class).decode(json)).isEqualTo(new Order("r", 1));
		DaprEvent text = DaprEvent.parse("plain words".getBytes(StandardCharsets.UTF_8), "text/plain", this.mapper);
		assertThat(decoder(String.class).decode(text)).isEqualTo("plain words");
	}

	@Test
	void jsonPublishedAsAStringIsReadAsJson() {
		DaprEvent event = parse("{\"specversion\":\"1.0\",\"id\":\"1\",\"datacontenttype\":\"text/plain\","
				+ "\"data\":\"{\\\"id\\\":\\\"s\\\",\\\"quantity\\\":3}\"}");
		assertThat(decoder(Order.class).decode(event)).isEqualTo(new Order("s", 3));
	}

	@Test
	void missingDataForAMappedTypeIsPoison() {
		DaprEvent event = parse("{\"specversion\":\"1.0\",\"id\":\"1\"}");
		assertThatExceptionOfType(InputConversionException.class).isThrownBy(() -> decoder(Order.class).decode(event))
			.withMessageContaining("no data");
		assertThat(decoder(String.class).decode(event)).isNull();
	}

	@Test
	void aCloudEventWithABadTimeNamesTheAttribute() {
		DaprEvent event = parse("{\"specversion\":\"1.0\",\"id\":\"1\",\"time\":\"yesterday\",\"data\":{}}");
		Type type = new TypeReference<CloudEvent<Order>>() {
		}.getType();
		assertThatExceptionOfType(InputConversionException.class)
			.isThrownBy(() -> new DaprInputDecoder("f", type, true, this.mapper).decode(event))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("time"));
	}

	@Test
	void invalidBase64IsPoison() {
		assertThatExceptionOfType(InputConversionException.class)
			.isThrownBy(() -> parse("{\"specversion\":\"1.0\",\"id\":\"1\",\"data_base64\":\"***\"}"))
			.withMessageContaining("data_base64");
	}

	@Test
	void aTopicFunctionMustTakeTheEvent() {
		assertThatIllegalStateException().isThrownBy(() -> new DaprInputDecoder("tick", null, true, this.mapper))
			.withMessageContaining("Dapr function 'tick' takes no input");
		assertThat(new DaprInputDecoder("tick", null, false, this.mapper).decode(parse("{}"))).isNull();
	}

	private DaprEvent parse(String json) {
		return DaprEvent.parse(json.getBytes(StandardCharsets.UTF_8), "application/cloudevents+json", this.mapper);
	}

	private DaprInputDecoder decoder(Class<?> type) {
		return new DaprInputDecoder("f", type, true, this.mapper);
	}

}
