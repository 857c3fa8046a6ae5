package dev.funcboot.functions.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * @param queue the queue results are sent to
 * @param connection the storage connection's name
 */
public record QueueOutputBinding(String queue, String connection) implements OutputBinding {

	public static final String TYPE = "queue";

	public QueueOutputBinding {
		Objects.requireNonNull(queue, "queue");
		Objects.requireNonNull(connection, "connection");
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("queue", this.queue);
		map.put("connection", this.connection);
		return map;
	}

}
