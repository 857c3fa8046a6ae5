package dev.funcboot.functions.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A function subscribed to a Dapr pub/sub topic.
 *
 * @param pubsub the pub/sub component's name
 * @param topic the topic
 * @param route the path the sidecar delivers to, starting with {@code /}
 * @param match the CEL rule that selects this function's events, or {@code null} for the topic's
 * default route
 * @param priority order among the topic's rules, lowest first
 * @param deadLetterTopic the subscription's dead-letter topic, or {@code null}
 * @param bulk bulk delivery settings, or {@code null} for one event per request
 * @param rawPayload whether events are raw payloads rather than CloudEvents
 */
public record DaprTopicTriggerBinding(String pubsub, String topic, String route, String match, int priority,
		String deadLetterTopic, Bulk bulk, boolean rawPayload) implements TriggerBinding {

	public static final String TYPE = "dapr-topic";

	/** Path prefix of the routes Funcboot chooses for topic functions. */
	public static final String DEFAULT_ROUTE_PREFIX = "/dapr/functions/";

	public DaprTopicTriggerBinding {
		Objects.requireNonNull(pubsub, "pubsub");
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(route, "route");
	}

	/**
	 * @param maxMessages most events per request, 0 for Dapr's default
	 * @param maxAwaitMillis longest wait to fill a request, 0 for Dapr's default
	 */
	public record Bulk(int maxMessages, int maxAwaitMillis) {

		public Bulk {
			if (maxMessages < 0 || maxAwaitMillis < 0) {
				throw new IllegalArgumentException("bulk limits must be >= 0, were maxMessages=" + maxMessages
						+ ", maxAwaitMillis=" + maxAwaitMillis);
			}
		}

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
		map.put("route", this.route);
		map.put("match", this.match);
		map.put("priority", this.priority);
		map.put("deadLetterTopic", this.deadLetterTopic);
		map.put("bulk", this.bulk != null);
		if (this.bulk != null) {
			map.put("bulkMaxMessages", this.bulk.maxMessages());
			map.put("bulkMaxAwaitMillis", this.bulk.maxAwaitMillis());
		}
		map.put("rawPayload", this.rawPayload);
		return map;
	}

}
