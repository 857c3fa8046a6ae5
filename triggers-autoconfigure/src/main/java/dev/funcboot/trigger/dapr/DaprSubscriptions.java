package dev.funcboot.trigger.dapr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.funcboot.functions.binding.DaprTopicTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;

/**
 * The answer to the sidecar's {@code GET /dapr/subscribe}: one subscription per pub/sub and
 * topic, in Dapr's programmatic subscription format. A topic with one function and no rule gets
 * a {@code route}; otherwise {@code routes} with the functions' CEL rules (by priority) and the
 * function without a rule as {@code default}. Conflicting declarations fail the start-up.
 */
final class DaprSubscriptions {

	private final List<Map<String, Object>> subscriptions;

	DaprSubscriptions(List<FunctionBinding> bindings) {
		Map<String, List<FunctionBinding>> byTopic = new LinkedHashMap<>();
		for (FunctionBinding binding : bindings) {
			if (binding.enabled() && binding.trigger() instanceof DaprTopicTriggerBinding topic) {
				byTopic.computeIfAbsent(topic.pubsub() + "\u0000" + topic.topic(), (key) -> new ArrayList<>())
					.add(binding);
			}
		}
		List<Map<String, Object>> result = new ArrayList<>();
		for (List<FunctionBinding> group : byTopic.values()) {
			result.add(subscription(group));
		}
		this.subscriptions = List.copyOf(result);
	}

	List<Map<String, Object>> asList() {
		return this.subscriptions;
	}

	private static Map<String, Object> subscription(List<FunctionBinding> group) {
		DaprTopicTriggerBinding first = trigger(group.get(0));
		String where = "pub/sub '" + first.pubsub() + "' topic '" + first.topic() + "'";
		for (FunctionBinding other : group.subList(1, group.size())) {
			DaprTopicTriggerBinding topic = trigger(other);
			if (!Objects.equals(topic.bulk(), first.bulk()) || topic.rawPayload() != first.rawPayload()
					|| !Objects.equals(topic.deadLetterTopic(), first.deadLetterTopic())) {
				throw new IllegalStateException("Functions '" + group.get(0).name() + "' and '" + other.name()
						+ "' subscribe to " + where + " with different bulk, rawPayload or deadLetterTopic settings; "
						+ "Dapr has one subscription per topic, so give them the same settings");
			}
		}
		Map<String, Object> subscription = new LinkedHashMap<>();
		subscription.put("pubsubname", first.pubsub());
		subscription.put("topic", first.topic());
		List<FunctionBinding> withRule = group.stream().filter((b) -> trigger(b).match() != null).toList();
		List<FunctionBinding> defaults = group.stream().filter((b) -> trigger(b).match() == null).toList();
		if (defaults.size() > 1) {
			throw new IllegalStateException("Functions " + defaults.stream().map(FunctionBinding::name).toList()
					+ " all subscribe to " + where + " without a match rule; only one can be the topic's default "
					+ "route. Give the others a rule (@DaprTopicTrigger(match = \"event.type == 'x'\"))");
		}
		if (withRule.isEmpty()) {
			subscription.put("route", first.route());
		}
		else {
			List<Map<String, Object>> rules = new ArrayList<>();
			withRule.stream()
				.sorted(Comparator.comparingInt((FunctionBinding b) -> trigger(b).priority())
					.thenComparing(FunctionBinding::name))
				.forEach((b) -> {
					Map<String, Object> rule = new LinkedHashMap<>();
					rule.put("match", trigger(b).match());
					rule.put("path", trigger(b).route());
					rules.add(rule);
				});
			Map<String, Object> routes = new LinkedHashMap<>();
			routes.put("rules", rules);
			if (!defaults.isEmpty()) {
				routes.put("default", trigger(defaults.get(0)).route());
			}
			subscription.put("routes", routes);
		}
		if (first.rawPayload()) {
			subscription.put("metadata", Map.of("rawPayload", "true"));
		}
		if (first.deadLetterTopic() != null) {
			subscription.put("deadLetterTopic", first.deadLetterTopic());
		}
		if (first.bulk() != null) {
			Map<String, Object> bulk = new LinkedHashMap<>();
			bulk.put("enabled", true);
			if (first.bulk().maxMessages() > 0) {
				bulk.put("maxMessagesCount", first.bulk().maxMessages());
			}
			if (first.bulk().maxAwaitMillis() > 0) {
				bulk.put("maxAwaitDurationMs", first.bulk().maxAwaitMillis());
			}
			subscription.put("bulkSubscribe", bulk);
		}
		return subscription;
	}

	private static DaprTopicTriggerBinding trigger(FunctionBinding binding) {
		return (DaprTopicTriggerBinding) binding.trigger();
	}

}
