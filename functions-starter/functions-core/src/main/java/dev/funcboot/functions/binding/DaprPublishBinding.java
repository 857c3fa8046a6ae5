package dev.funcboot.functions.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * @param pubsub the pub/sub component results are published to
 * @param topic the topic
 */
public record DaprPublishBinding(String pubsub, String topic) implements OutputBinding {

	public static final String TYPE = "dapr-publish";

	public DaprPublishBinding {
		Objects.requireNonNull(pubsub, "pubsub");
		Objects.requireNonNull(topic, "topic");
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("pubsub", this.pubsub);
		map.put("topic", this.topic);
		return map;
	}

}
