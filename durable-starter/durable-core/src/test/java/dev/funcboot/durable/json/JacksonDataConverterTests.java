package dev.funcboot.durable.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JacksonDataConverterTests {

	private final JacksonDataConverter converter = new JacksonDataConverter();

	@Test
	void roundTripsRecordsAndGenericTypes() {
		Order order = new Order("o-1", 3, Instant.parse("2024-05-01T09:00:00Z"));
		String text = this.converter.serialize(order);

		assertThat(text).isEqualTo("{\"id\":\"o-1\",\"quantity\":3,\"placedAt\":\"2024-05-01T09:00:00Z\"}");
		assertThat(this.converter.<Order>deserialize(text, Order.class)).isEqualTo(order);
		List<Order> orders = this.converter.deserialize("[" + text + "]", new TypeReference<List<Order>>() {
		}.getType());
		assertThat(orders).containsExactly(order);
	}

	@Test
	void writesInstantsAsIsoTextNotNumbers() {
		assertThat(this.converter.serialize(Instant.parse("2024-05-01T09:00:00.5Z"))).isEqualTo("\"2024-05-01T09:00:00.500Z\"");
	}

	@Test
	void nullIsNoTextAndNoTextIsNull() {
		assertThat(this.converter.serialize(null)).isNull();
		assertThat(this.converter.<Object>deserialize(null, Order.class)).isNull();
	}

	@Test
	void badDataFailsNamingTheTargetType() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.deserialize("\"abc\"", Integer.class))
			.withMessageStartingWith("Cannot read '\"abc\"' as java.lang.Integer: ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.converter.deserialize("{\"id\":", Order.class))
			.withMessageContaining("as " + Order.class.getTypeName());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.converter.deserialize("[1,", new TypeReference<Map<String, List<Order>>>() {
			}.getType()))
			.withMessageContaining("as java.util.Map<java.lang.String, java.util.List<" + Order.class.getTypeName()
					+ ">>");
	}

	@Test
	void valuesJacksonCannotWriteFailNamingTheirType() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.serialize(new Object()))
			.withMessageStartingWith("Cannot write a java.lang.Object as JSON");
	}

	@Test
	void usesTheMapperItIsGiven() {
		ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
		JacksonDataConverter snake = new JacksonDataConverter(mapper);

		assertThat(snake.serialize(new Shipment("o-1", 2))).isEqualTo("{\"order_id\":\"o-1\",\"parcel_count\":2}");
	}

	record Order(String id, int quantity, Instant placedAt) {
	}

	record Shipment(String orderId, int parcelCount) {
	}

}
