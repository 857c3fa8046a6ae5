package dev.funcboot.durable.store.jdbc;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.funcboot.durable.history.HistoryEvent;

/**
 * The stored form of a history event: its type's simple name ({@code TaskCompleted}) in a column
 * and the record as JSON. Instants are ISO-8601 text with every nanosecond, so events read back
 * equal to the ones written. Private to the store: other stores and exports use their own form.
 */
final class HistoryEventCodec {

	private static final Map<String, Class<? extends HistoryEvent>> TYPES = types();

	private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		// an older replica reading a newer event ignores fields it does not know
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

	static String typeOf(HistoryEvent event) {
		return event.getClass().getSimpleName();
	}

	String write(HistoryEvent event) {
		try {
			return this.mapper.writeValueAsString(event);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write history event " + event + " as JSON", ex);
		}
	}

	HistoryEvent read(String type, String json) {
		Class<? extends HistoryEvent> target = TYPES.get(type);
		if (target == null) {
			throw new IllegalStateException("Stored history event type '" + type + "' is unknown to this version"
					+ " of Funcboot (known: " + TYPES.keySet() + "); was the store written by a newer version?");
		}
		try {
			return this.mapper.readValue(json, target);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot read stored " + type + " event: " + ex.getOriginalMessage(), ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Class<? extends HistoryEvent>> types() {
		Map<String, Class<? extends HistoryEvent>> types = new HashMap<>();
		for (Class<?> type : HistoryEvent.class.getPermittedSubclasses()) {
			types.put(type.getSimpleName(), (Class<? extends HistoryEvent>) type);
		}
		return Map.copyOf(types);
	}

}
