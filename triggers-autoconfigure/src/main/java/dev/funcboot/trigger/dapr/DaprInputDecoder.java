package dev.funcboot.trigger.dapr;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.JsonInputErrors;
import dev.funcboot.functions.InputConversionException;
import io.dapr.client.domain.CloudEvent;

/**
 * Decodes an event's data into a Dapr function's input: the text for {@code String}, the bytes
 * for {@code byte[]}, JSON for anything else (also when the data arrives as a JSON string), and
 * the whole envelope for {@code io.dapr.client.domain.CloudEvent<T>}. Data that does not fit
 * fails with an {@link InputConversionException} naming the field: the event is poison.
 */
final class DaprInputDecoder {

	private final boolean noInput;

	private final boolean cloudEvent;

	private final Class<?> dataClass;

	private final ObjectReader reader;

	private final ObjectMapper mapper;

	/**
	 * @param input the function's input type, {@code null} for a supplier
	 * @param inputRequired whether the trigger needs a function that takes the event (topics do;
	 * an input binding such as a cron schedule may run a supplier)
	 */
	DaprInputDecoder(String function, Type input, boolean inputRequired, ObjectMapper mapper) {
		this.mapper = mapper;
		this.noInput = (input == null);
		if (this.noInput) {
			if (inputRequired) {
				throw new IllegalStateException("Dapr function '" + function + "' takes no input; declare it as a "
						+ "Consumer<T> or Function<T, R> of the event's data type");
			}
			this.cloudEvent = false;
			this.dataClass = null;
			this.reader = null;
			return;
		}
		this.cloudEvent = CloudEvent.class.equals(FunctionHandle.rawClass(input));
		Type data = this.cloudEvent ? typeArgument(input) : input;
		this.dataClass = FunctionHandle.rawClass(data);
		JavaType type = mapper.constructType(data);
		this.reader = mapper.readerFor(type);
	}

	Object decode(DaprEvent event) {
		if (this.noInput) {
			return null;
		}
		Object data = data(event);
		if (!this.cloudEvent) {
			return data;
		}
		CloudEvent<Object> envelope = new CloudEvent<>();
		envelope.setId(event.attribute("id"));
		envelope.setSource(event.attribute("source"));
		envelope.setType(event.attribute("type"));
		envelope.setSpecversion(event.attribute("specversion"));
		envelope.setDatacontenttype(event.attribute("datacontenttype"));
		envelope.setPubsubName(event.attribute("pubsubname"));
		envelope.setTopic(event.attribute("topic"));
		envelope.setTraceParent(event.attribute("traceparent"));
		envelope.setTraceState(event.attribute("tracestate"));
		envelope.setTraceId(event.attribute("traceid"));
		String time = event.attribute("time");
		if (time != null) {
			try {
				envelope.setTime(OffsetDateTime.parse(time));
			}
			catch (RuntimeException ex) {
				throw new InputConversionException("time", "The CloudEvent's time '" + time
						+ "' is not an RFC 3339 timestamp", ex);
			}
		}
		envelope.setData(data);
		return envelope;
	}

	private Object data(DaprEvent event) {
		if (event.bytes() != null) {
			if (this.dataClass == byte[].class) {
				return event.bytes();
			}
			if (this.dataClass == String.class) {
				return new String(event.bytes(), StandardCharsets.UTF_8);
			}
			return read(event.bytes());
		}
		JsonNode data = event.data();
		if (data == null || data.isNull() || data.isMissingNode()) {
			if (this.dataClass == String.class || this.dataClass == byte[].class || this.dataClass == Object.class) {
				return null;
			}
			throw new InputConversionException(null, "The event has no data, but the function takes "
					+ this.dataClass.getSimpleName(), null);
		}
		if (this.dataClass == String.class) {
			return data.isTextual() ? data.asText() : data.toString();
		}
		if (this.dataClass == byte[].class) {
			return (data.isTextual() ? data.asText() : data.toString()).getBytes(StandardCharsets.UTF_8);
		}
		if (data.isTextual() && this.dataClass != Object.class) {
			// published as a JSON string (text/plain or a pre-serialized payload): read the text as JSON
			return read(data.asText().getBytes(StandardCharsets.UTF_8));
		}
		try {
			return this.reader.readValue(this.mapper.treeAsTokens(data));
		}
		catch (JsonProcessingException ex) {
			throw JsonInputErrors.of(ex);
		}
		catch (IOException ex) {
			throw new InputConversionException(null, "Unreadable event data: " + ex.getMessage(), ex);
		}
	}

	private Object read(byte[] bytes) {
		try {
			return this.reader.readValue(bytes);
		}
		catch (JsonProcessingException ex) {
			throw JsonInputErrors.of(ex);
		}
		catch (IOException ex) {
			throw new InputConversionException(null, "Unreadable event data: " + ex.getMessage(), ex);
		}
	}

	private static Type typeArgument(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			return parameterized.getActualTypeArguments()[0];
		}
		return Object.class;
	}

}
