package dev.funcboot.scaling;

import java.util.List;
import java.util.Map;

import dev.funcboot.functions.binding.StreamOptions;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class StreamScaleRulesTests {

	private final ScalingProperties properties = new ScalingProperties();

	private final MockEnvironment environment = new MockEnvironment()
		.withProperty("spring.cloud.stream.kafka.binder.brokers", "kafka-1:9092,kafka-2:9092")
		.withProperty("spring.cloud.azure.eventhubs.processor.checkpoint-store.container-name", "offsets");

	private final StreamOptions options = new StreamOptions(50, 10, java.time.Duration.ofSeconds(1), null);

	@Test
	void kafkaScalesOnConsumerLag() {
		ScaleRule rule = rule("aggregate", new StreamTriggerBinding(StreamTriggerBinding.KAFKA, "orders", "stats", "kafka",
				null, this.options));
		assertThat(rule.name()).isEqualTo("aggregate-kafka");
		assertThat(rule.type()).isEqualTo("kafka");
		assertThat(rule.metadata()).containsOnly(Map.entry("bootstrapServers", "kafka-1:9092,kafka-2:9092"),
				Map.entry("consumerGroup", "stats"), Map.entry("topic", "orders"), Map.entry("lagThreshold", "50"));
	}

	@Test
	void rabbitScalesOnTheLengthOfTheBindersQueue() {
		ScaleRule rule = rule("validate", new StreamTriggerBinding(StreamTriggerBinding.RABBIT, "orders", "", "rabbit", "#",
				this.options));
		assertThat(rule.type()).isEqualTo("rabbitmq");
		assertThat(rule.metadata()).containsOnly(Map.entry("queueName", "orders.validate"), Map.entry("mode", "QueueLength"),
				Map.entry("value", "50"));
		assertThat(rule.auth()).containsExactly(new ScaleRule.Auth("rabbitmq-connection", "host"));
	}

	@Test
	void eventHubsScaleOnUnprocessedEventsWithBlobCheckpoints() {
		ScaleRule rule = rule("telemetry", new StreamTriggerBinding(StreamTriggerBinding.EVENT_HUB, "readings", "", "eventhubs",
				null, this.options));
		assertThat(rule.type()).isEqualTo("azure-eventhub");
		assertThat(rule.metadata()).containsEntry("eventHubName", "readings")
			.containsEntry("consumerGroup", "$Default")
			.containsEntry("unprocessedEventThreshold", "50")
			.containsEntry("checkpointStrategy", "blobMetadata")
			.containsEntry("blobContainer", "offsets");
		assertThat(rule.auth()).containsExactly(new ScaleRule.Auth("eventhubs-connection", "connection"),
				new ScaleRule.Auth("checkpoint-storage-connection", "storageConnection"));
	}

	@Test
	void serviceBusScalesOnAQueueOrATopicSubscription() {
		ScaleRule queue = rule("ship", new StreamTriggerBinding(StreamTriggerBinding.SERVICE_BUS, "shipments", "",
				"servicebus", null, this.options));
		assertThat(queue.type()).isEqualTo("azure-servicebus");
		assertThat(queue.metadata()).containsOnly(Map.entry("queueName", "shipments"), Map.entry("messageCount", "50"));
		ScaleRule topic = rule("audit", new StreamTriggerBinding(StreamTriggerBinding.SERVICE_BUS, "orders", "audit",
				"servicebus", null, this.options));
		assertThat(topic.metadata()).containsOnly(Map.entry("topicName", "orders"), Map.entry("subscriptionName", "audit"),
				Map.entry("messageCount", "50"));
		assertThat(topic.auth()).containsExactly(new ScaleRule.Auth("servicebus-connection", "connection"));
	}

	private ScaleRule rule(String function, StreamTriggerBinding trigger) {
		List<ScaleRule> rules = ScaleRuleContributor.rulesOf(new StreamScaleRules(this.properties, this.environment),
				List.of(BuiltInScaleRulesTests.function(function, trigger)));
		assertThat(rules).hasSize(1);
		return rules.get(0);
	}

}
