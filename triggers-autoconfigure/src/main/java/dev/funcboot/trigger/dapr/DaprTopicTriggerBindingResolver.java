package dev.funcboot.trigger.dapr;

import java.lang.annotation.Annotation;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.TriggerBindingResolver;
import dev.funcboot.functions.annotation.DaprTopicTrigger;
import dev.funcboot.functions.binding.DaprTopicTriggerBinding;
import dev.funcboot.functions.binding.TriggerBinding;

/** Reads {@link DaprTopicTrigger} and {@code funcboot.functions.<name>.dapr.*}, properties first. */
final class DaprTopicTriggerBindingResolver implements TriggerBindingResolver {

	@Override
	public Class<? extends Annotation> annotationType() {
		return DaprTopicTrigger.class;
	}

	@Override
	public boolean supportsOutputs() {
		return true;
	}

	@Override
	public TriggerBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		DaprTopicTrigger trigger = (DaprTopicTrigger) annotation;
		FunctionsProperties.DaprTopic props = (properties != null) ? properties.getDapr() : null;
		if (trigger == null && props == null) {
			return null;
		}
		String pubsub = null;
		String topic = null;
		String match = null;
		int priority = 0;
		String route = null;
		String deadLetter = null;
		boolean bulk = false;
		int maxMessages = 0;
		int maxAwait = 0;
		boolean raw = false;
		if (trigger != null) {
			pubsub = values.resolve(name, "@DaprTopicTrigger.pubsub", trigger.pubsub());
			topic = values.resolve(name, "@DaprTopicTrigger.topic", trigger.topic());
			match = values.resolve(name, "@DaprTopicTrigger.match", trigger.match());
			priority = trigger.priority();
			route = values.resolve(name, "@DaprTopicTrigger.route", trigger.route());
			deadLetter = values.resolve(name, "@DaprTopicTrigger.deadLetterTopic", trigger.deadLetterTopic());
			bulk = trigger.bulk();
			maxMessages = trigger.bulkMaxMessages();
			maxAwait = trigger.bulkMaxAwaitMillis();
			raw = trigger.rawPayload();
		}
		if (props != null) {
			pubsub = or(props.getPubsub(), pubsub);
			topic = or(props.getTopic(), topic);
			match = or(props.getMatch(), match);
			priority = or(props.getPriority(), priority);
			route = or(props.getRoute(), route);
			deadLetter = or(props.getDeadLetterTopic(), deadLetter);
			bulk = or(props.getBulk(), bulk);
			maxMessages = or(props.getBulkMaxMessages(), maxMessages);
			maxAwait = or(props.getBulkMaxAwaitMillis(), maxAwait);
			raw = or(props.getRawPayload(), raw);
		}
		String fix = "set funcboot.functions." + name + ".dapr.pubsub and .topic, or annotate it with "
				+ "@DaprTopicTrigger(pubsub = \"orders-pubsub\", topic = \"orders\")";
		pubsub = DaprNames.component(name, "pub/sub component", pubsub, fix);
		topic = DaprNames.topic(name, topic, fix);
		String path = DaprNames.route(name, route, DaprTopicTriggerBinding.DEFAULT_ROUTE_PREFIX + name);
		String deadLetterTopic = DaprNames.blankToNull(deadLetter);
		if (deadLetterTopic != null) {
			deadLetterTopic = DaprNames.topic(name, deadLetterTopic, fix);
			if (deadLetterTopic.equals(topic)) {
				throw new IllegalStateException("Function '" + name + "': the dead-letter topic is the topic itself ('"
						+ topic + "'); poison events would come straight back. Choose another topic");
			}
		}
		try {
			DaprTopicTriggerBinding.Bulk bulkOptions = bulk ? new DaprTopicTriggerBinding.Bulk(maxMessages, maxAwait)
					: null;
			return new DaprTopicTriggerBinding(pubsub, topic, path, DaprNames.blankToNull(match), priority,
					deadLetterTopic, bulkOptions, raw);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Function '" + name + "': " + ex.getMessage(), ex);
		}
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
