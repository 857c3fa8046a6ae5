package dev.funcboot.scaling;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;

import org.springframework.core.env.Environment;

/**
 * The rules of the broker triggers: Kafka → {@code kafka} ({@code lagThreshold}), RabbitMQ →
 * {@code rabbitmq} (queue length of {@code <exchange>.<group>}), Event Hubs →
 * {@code azure-eventhub} ({@code unprocessedEventThreshold}, blob checkpoints as the Java SDK
 * writes them), Service Bus → {@code azure-servicebus} ({@code messageCount}). The per-replica
 * threshold is the function's batch size unless {@code funcboot.scaling.*} sets one; connection
 * secrets are named after the binder ({@code kafka-connection}, ...), or as
 * {@code funcboot.scaling.secrets.<binder>} says.
 */
final class StreamScaleRules implements ScaleRuleContributor {

	private final ScalingProperties properties;

	private final Environment environment;

	StreamScaleRules(ScalingProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void contribute(Collection<FunctionBinding> functions, ScalingPlan.Builder plan) {
		for (FunctionBinding function : functions) {
			if (function.trigger() instanceof StreamTriggerBinding stream) {
				plan.rule(rule(function.name(), stream));
			}
		}
	}

	private ScaleRule rule(String function, StreamTriggerBinding stream) {
		String threshold = Integer.toString(stream.options().batchSize());
		String name = ScaleRule.ruleName(function, stream.type());
		return switch (stream.type()) {
			case StreamTriggerBinding.KAFKA -> new ScaleRule(name, "kafka", Map.of("bootstrapServers",
					this.environment.getProperty("spring.cloud.stream.kafka.binder.brokers",
							this.environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092")),
					"consumerGroup", group(stream, function), "topic", stream.destination(), "lagThreshold", threshold),
					List.of(), function);
			case StreamTriggerBinding.RABBIT -> new ScaleRule(name, "rabbitmq",
					Map.of("queueName", stream.destination() + "." + group(stream, function), "mode", "QueueLength",
							"value", threshold),
					List.of(new ScaleRule.Auth(this.properties.secretFor("rabbitmq"), "host")), function);
			case StreamTriggerBinding.EVENT_HUB -> new ScaleRule(name, "azure-eventhub",
					Map.of("eventHubName", stream.destination(), "consumerGroup",
							stream.group().isEmpty() ? "$Default" : stream.group(), "unprocessedEventThreshold", threshold,
							"checkpointStrategy", "blobMetadata", "blobContainer",
							this.environment.getProperty("spring.cloud.azure.eventhubs.processor.checkpoint-store.container-name",
									"checkpoints")),
					List.of(new ScaleRule.Auth(this.properties.secretFor("eventhubs"), "connection"),
							new ScaleRule.Auth(this.properties.secretFor("checkpoint-storage"), "storageConnection")),
					function);
			case StreamTriggerBinding.SERVICE_BUS -> new ScaleRule(name, "azure-servicebus", serviceBus(stream, threshold),
					List.of(new ScaleRule.Auth(this.properties.secretFor("servicebus"), "connection")), function);
			default -> throw new IllegalStateException("No scale rule for trigger type " + stream.type());
		};
	}

	private static Map<String, String> serviceBus(StreamTriggerBinding stream, String threshold) {
		return stream.group().isEmpty() ? Map.of("queueName", stream.destination(), "messageCount", threshold)
				: Map.of("topicName", stream.destination(), "subscriptionName", stream.group(), "messageCount", threshold);
	}

	private static String group(StreamTriggerBinding stream, String function) {
		return stream.group().isEmpty() ? function : stream.group();
	}

}
