package dev.funcboot.durable.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;

/**
 * A history as JSON text, stable enough for golden files kept in git: an array with one event
 * per line, each an object whose {@code "type"} is the event's simple name ({@code
 * "TaskScheduled"}) followed by its fields in declaration order. Instants are ISO-8601 strings,
 * statuses their Durable Functions names ({@code "Completed"}), {@link FailureDetails} and
 * parents nested objects; {@code null} fields are left out. Payloads stay the converter's text,
 * byte for byte. Reading is strict: an unknown type or field is an error naming it.
 * <p>
 * The field names are the record components of {@link HistoryEvent}: renaming one changes the
 * format (the golden history tests notice).
 */
public final class HistoryJson {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Map<String, Class<?>> TYPES = eventTypes();

	private HistoryJson() {
	}

	/** The JSON text of the events, ending with a line break. */
	public static String write(List<? extends HistoryEvent> events) {
		if (events.isEmpty()) {
			return "[]\n";
		}
		StringBuilder json = new StringBuilder("[\n");
		for (int i = 0; i < events.size(); i++) {
			HistoryEvent event = events.get(i);
			ObjectNode node = MAPPER.createObjectNode();
			node.put("type", event.getClass().getSimpleName());
			writeComponents((Record) event, node);
			try {
				json.append("  ").append(MAPPER.writeValueAsString(node));
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("Cannot write history event #" + i + " " + event, ex);
			}
			json.append((i < events.size() - 1) ? ",\n" : "\n");
		}
		return json.append("]\n").toString();
	}

	/** The events of a JSON text written by {@link #write}. */
	public static List<HistoryEvent> read(String json) {
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("A history is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isArray()) {
			throw new IllegalArgumentException("A history must be a JSON array of events, found "
					+ ((root != null) ? root.getNodeType() : "nothing"));
		}
		List<HistoryEvent> events = new ArrayList<>(root.size());
		for (int i = 0; i < root.size(); i++) {
			try {
				events.add((HistoryEvent) readEvent(root.get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("History event #" + i + ": " + ex.getMessage(), ex);
			}
		}
		return events;
	}

	private static Object readEvent(JsonNode node) {
		if (!node.isObject() || !node.path("type").isTextual()) {
			throw new IllegalArgumentException("expected an object with a \"type\", found " + node);
		}
		String type = node.get("type").asText();
		Class<?> eventType = TYPES.get(type);
		if (eventType == null) {
			throw new IllegalArgumentException("unknown type '" + type + "'; known types: " + TYPES.keySet());
		}
		return readRecord(eventType, node, "type");
	}

	private static void writeComponents(Record record, ObjectNode node) {
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			Object value;
			try {
				value = component.getAccessor().invoke(record);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("Cannot read " + component, ex);
			}
			String name = component.getName();
			if (value == null) {
				continue;
			}
			if (value instanceof String text) {
				node.put(name, text);
			}
			else if (value instanceof Integer number) {
				node.put(name, number);
			}
			else if (value instanceof Instant instant) {
				node.put(name, instant.toString());
			}
			else if (value instanceof OrchestrationStatus status) {
				node.put(name, status.displayName());
			}
			else if (value instanceof Record nested) {
				writeComponents(nested, node.putObject(name));
			}
			else {
				throw new IllegalStateException("HistoryJson cannot write " + component + " of type "
						+ value.getClass().getName() + "; teach it the type");
			}
		}
	}

	private static Object readRecord(Class<?> type, JsonNode node, String discriminator) {
		RecordComponent[] components = type.getRecordComponents();
		Map<String, RecordComponent> byName = new LinkedHashMap<>();
		for (RecordComponent component : components) {
			byName.put(component.getName(), component);
		}
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String field = names.next();
			if (!field.equals(discriminator) && !byName.containsKey(field)) {
				throw new IllegalArgumentException("unknown field '" + field + "' in " + type.getSimpleName()
						+ "; known fields: " + byName.keySet());
			}
		}
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
			values[i] = readValue(components[i], node.get(components[i].getName()), type);
		}
		try {
			Constructor<?> constructor = type.getDeclaredConstructor(types);
			return constructor.newInstance(values);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalArgumentException("invalid " + type.getSimpleName() + ": " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create " + type.getName(), ex);
		}
	}

	private static Object readValue(RecordComponent component, JsonNode value, Class<?> owner) {
		Class<?> type = component.getType();
		String where = owner.getSimpleName() + "." + component.getName();
		if (value == null || value.isNull()) {
			if (type.isPrimitive()) {
				throw new IllegalArgumentException("missing field '" + component.getName() + "' in "
						+ owner.getSimpleName());
			}
			return null;
		}
		if (type == int.class) {
			if (!value.isInt()) {
				throw new IllegalArgumentException(where + " must be an integer, found " + value);
			}
			return value.intValue();
		}
		if (type.isRecord()) {
			if (!value.isObject()) {
				throw new IllegalArgumentException(where + " must be an object, found " + value);
			}
			return readRecord(type, value, null);
		}
		if (!value.isTextual()) {
			throw new IllegalArgumentException(where + " must be a string, found " + value);
		}
		String text = value.asText();
		if (type == String.class) {
			return text;
		}
		if (type == Instant.class) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(where + " must be an ISO-8601 instant such as "
						+ "2024-05-01T12:00:00Z, found '" + text + "'", ex);
			}
		}
		if (type == OrchestrationStatus.class) {
			return OrchestrationStatus.fromDisplayName(text);
		}
		throw new IllegalStateException("HistoryJson cannot read " + where + " of type " + type.getName());
	}

	private static Map<String, Class<?>> eventTypes() {
		Map<String, Class<?>> types = new LinkedHashMap<>();
		for (Class<?> type : HistoryEvent.class.getPermittedSubclasses()) {
			types.put(type.getSimpleName(), type);
		}
		return types;
	}

}
