package dev.funcboot.durable.json;

import java.lang.reflect.Type;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.funcboot.durable.DataConverter;

/**
 * A {@link DataConverter} writing JSON with Jackson. {@code null} is stored as {@code null}
 * (no text), and text that does not fit the target type fails with an
 * {@link IllegalArgumentException} naming that type. Thread-safe once the mapper is configured.
 */
public final class JacksonDataConverter implements DataConverter {

	private final ObjectMapper mapper;

	/** A converter with a mapper that writes {@code java.time} values as ISO-8601 text. */
	public JacksonDataConverter() {
		this(new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
	}

	/** A converter with the application's mapper (e.g. Spring Boot's, with its modules). */
	public JacksonDataConverter(ObjectMapper mapper) {
		this.mapper = Objects.requireNonNull(mapper, "mapper");
	}

	@Override
	public String serialize(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot write a " + value.getClass().getName()
					+ " as JSON: " + ex.getOriginalMessage()
					+ ". Use a type Jackson can serialize (a record, a bean with getters, a collection).", ex);
		}
	}

	@Override
	public <T> T deserialize(String data, Type type) {
		if (data == null) {
			return null;
		}
		JavaType target = this.mapper.constructType(type);
		try {
			return this.mapper.readValue(data, target);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot read " + abbreviate(data) + " as " + type.getTypeName() + ": "
					+ ex.getOriginalMessage(), ex);
		}
	}

	private static String abbreviate(String data) {
		return (data.length() <= 200) ? "'" + data + "'" : "'" + data.substring(0, 200) + "...' (" + data.length()
				+ " characters)";
	}

}
