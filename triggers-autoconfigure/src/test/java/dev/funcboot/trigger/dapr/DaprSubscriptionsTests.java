package dev.funcboot.trigger.dapr;

import java.util.List;
import java.util.Map;

import dev.funcboot.functions.binding.DaprTopicTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DaprSubscriptionsTests {

	private static final FunctionPolicy POLICY = new FunctionPolicy(null, RetryPolicy.NONE, 0);

	@Test
	void rulesAreOrderedByPriorityThenName() {
		DaprSubscriptions subscriptions = new DaprSubscriptions(List.of(topic("c", "t", "rule-c", 2, null, false),
				topic("b", "t", "rule-b", 1, null, false), topic("a", "t", "rule-a", 1, null, false)));
		assertThat(subscriptions.asList()).containsExactly(Map.of("pubsubname", "ps", "topic", "t", "routes",
				Map.of("rules", List.of(Map.of("match", "rule-a", "path", "/a"), Map.of("match", "rule-b", "path", "/b"),
						Map.of("match", "rule-c", "path", "/c")))));
	}

	@Test
	void rawPayloadGoesIntoTheMetadataAndDisabledFunctionsAreLeftOut() {
		FunctionBinding disabled = new FunctionBinding("off", "off",
				new DaprTopicTriggerBinding("ps", "other", "/off", null, 0, null, null, false), POLICY, false);
		DaprSubscriptions subscriptions = new DaprSubscriptions(List.of(topic("raw", "t", null, 0, null, true), disabled));
		assertThat(subscriptions.asList()).containsExactly(
				Map.of("pubsubname", "ps", "topic", "t", "route", "/raw", "metadata", Map.of("rawPayload", "true")));
	}

	@Test
	void functionsOfOneTopicMustAgreeOnTheSubscriptionSettings() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new DaprSubscriptions(List.of(topic("a", "t", null, 0, "dead", false),
					topic("b", "t", "x", 0, null, false))))
			.withMessageContaining("Functions 'a' and 'b' subscribe to pub/sub 'ps' topic 't' with different bulk, "
					+ "rawPayload or deadLetterTopic settings");
	}

	private static FunctionBinding topic(String name, String topic, String match, int priority, String deadLetter,
			boolean raw) {
		return new FunctionBinding(name, name,
				new DaprTopicTriggerBinding("ps", topic, "/" + name, match, priority, deadLetter, null, raw), POLICY, true);
	}

}
