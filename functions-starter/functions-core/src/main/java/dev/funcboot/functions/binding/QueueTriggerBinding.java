package dev.funcboot.functions.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * @param queue the queue the function listens to
 * @param connection the storage connection's name
 * @param options batch size, dequeue limit, visibility, polling and encoding
 */
public record QueueTriggerBinding(String queue, String connection, QueueOptions options) implements TriggerBinding {

	public static final String TYPE = "queue";

	/** Suffix of the queue that takes messages which cannot be processed. */
	public static final String POISON_SUFFIX = "-poison";

	public QueueTriggerBinding {
		Objects.requireNonNull(queue, "queue");
		Objects.requireNonNull(connection, "connection");
		Objects.requireNonNull(options, "options");
	}

	/** The queue that takes this queue's poison messages. */
	public String poisonQueue() {
		return this.queue + POISON_SUFFIX;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("queue", this.queue);
		map.put("poisonQueue", poisonQueue());
		map.put("connection", this.connection);
		map.put("batchSize", this.options.batchSize());
		map.put("maxDequeueCount", this.options.maxDequeueCount());
		map.put("visibilityTimeout", this.options.visibilityTimeout().toString());
		map.put("lease", this.options.lease().toString());
		map.put("minPollingInterval", this.options.minPollingInterval().toString());
		map.put("maxPollingInterval", this.options.maxPollingInterval().toString());
		map.put("messageEncoding", this.options.messageEncoding());
		return map;
	}

}
