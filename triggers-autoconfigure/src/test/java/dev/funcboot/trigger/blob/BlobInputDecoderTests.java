package dev.funcboot.trigger.blob;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.blob.BlobInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BlobInputDecoderTests {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final BlobVersion VERSION = new BlobVersion("uploads", "acme/o-1.json",
			Map.of("customer", "acme", "name", "o-1"), "0x1", "application/json", 25, Instant.parse("2024-01-01T00:00:00Z"));

	record Order(String customer, String id, int quantity) {
	}

	@Test
	void bytesTextAndStreamsAreHandedOverAsTheyAre() {
		byte[] content = "grüße".getBytes(StandardCharsets.UTF_8);
		assertThat(decoder(byte[].class).decode(content, VERSION)).isSameAs(content);
		assertThat(decoder(String.class).decode(content, VERSION)).isEqualTo("grüße");
		BlobInputDecoder stream = decoder(InputStream.class);
		assertThat(stream.streams()).isTrue();
		InputStream in = new ByteArrayInputStream(content);
		assertThat(stream.decode(in, VERSION)).isSameAs(in);
		assertThat(decoder(String.class).streams()).isFalse();
	}

	@Test
	void jsonIsDecodedWithThePathValuesBoundIntoItsProperties() {
		Object order = decoder(Order.class).decode("{\"id\":\"o-1\",\"quantity\":2,\"customer\":\"spoofed\"}"
			.getBytes(StandardCharsets.UTF_8), VERSION);
		assertThat(order).isEqualTo(new Order("acme", "o-1", 2));
	}

	@Test
	void aListTypeTakesAJsonArray() throws Exception {
		Type type = new TypeReference<List<Order>>() {
		}.getType();
		Object orders = new BlobInputDecoder("fn", type, MAPPER)
			.decode("[{\"id\":\"a\",\"quantity\":1}]".getBytes(StandardCharsets.UTF_8), VERSION);
		assertThat(orders).isEqualTo(List.of(new Order(null, "a", 1)));
	}

	@Test
	void blobInputWrapsTheContentWithTheMetadata() throws Exception {
		Type type = BlobInputDecoderTests.class.getDeclaredMethod("wrapped").getGenericReturnType();
		BlobInput<?> blob = (BlobInput<?>) new BlobInputDecoder("fn", type, MAPPER)
			.decode("hello".getBytes(StandardCharsets.UTF_8), VERSION);
		assertThat(blob.content()).isEqualTo("hello");
		assertThat(blob.container()).isEqualTo("uploads");
		assertThat(blob.name()).isEqualTo("acme/o-1.json");
		assertThat(blob.etag()).isEqualTo("\"0x1\"");
		assertThat(blob.pathValues()).containsEntry("customer", "acme");
		assertThat(blob.length()).isEqualTo(25);
	}

	@Test
	void contentThatDoesNotFitTheTypeIsAnInputConversionError() {
		BlobInputDecoder decoder = decoder(Order.class);
		assertThatExceptionOfType(InputConversionException.class)
			.isThrownBy(() -> decoder.decode("{\"id\":\"x\",\"quantity\":\"many\"}".getBytes(StandardCharsets.UTF_8),
					VERSION))
			.withMessageContaining("quantity")
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("quantity"));
		assertThatExceptionOfType(InputConversionException.class)
			.isThrownBy(() -> decoder.decode("not json".getBytes(StandardCharsets.UTF_8), VERSION))
			.withMessageContaining("Malformed JSON");
		assertThatExceptionOfType(InputConversionException.class)
			.isThrownBy(() -> decoder.decode("[1]".getBytes(StandardCharsets.UTF_8), VERSION))
			.withMessageContaining("Expected a JSON object");
		assertThatExceptionOfType(InputConversionException.class).isThrownBy(() -> decoder.decode(new byte[0], VERSION))
			.withMessageContaining("The blob is empty");
	}

	@Test
	void aSupplierCannotTakeBlobs() {
		assertThatIllegalStateException().isThrownBy(() -> new BlobInputDecoder("tick", null, MAPPER))
			.withMessageContaining("Blob function 'tick' takes no input");
	}

	private static BlobInputDecoder decoder(Class<?> type) {
		return new BlobInputDecoder("fn", type, MAPPER);
	}

	static BlobInput<String> wrapped() {
		return null;
	}

}
