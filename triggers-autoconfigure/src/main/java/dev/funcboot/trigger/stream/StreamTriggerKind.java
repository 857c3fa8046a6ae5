package dev.funcboot.trigger.stream;

import java.lang.annotation.Annotation;
import java.util.function.Function;

import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.StreamOutputProperties;
import dev.funcboot.autoconfigure.StreamTriggerProperties;
import dev.funcboot.functions.annotation.EventHubOutput;
import dev.funcboot.functions.annotation.EventHubTrigger;
import dev.funcboot.functions.annotation.KafkaOutput;
import dev.funcboot.functions.annotation.KafkaTrigger;
import dev.funcboot.functions.annotation.RabbitOutput;
import dev.funcboot.functions.annotation.RabbitTrigger;
import dev.funcboot.functions.annotation.ServiceBusOutput;
import dev.funcboot.functions.annotation.ServiceBusTrigger;
import dev.funcboot.functions.binding.StreamOutputBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;

/**
 * The four broker triggers: their annotations, property keys and default binder, and how an
 * annotation reads as a destination, group and binder.
 */
enum StreamTriggerKind {

	KAFKA(StreamTriggerBinding.KAFKA, "kafka", "kafka", KafkaTrigger.class, KafkaOutput.class,
			FunctionsProperties.Function::getKafka, FunctionsProperties.Function::getKafkaOutput),

	RABBIT(StreamTriggerBinding.RABBIT, "rabbit", "rabbit", RabbitTrigger.class, RabbitOutput.class,
			FunctionsProperties.Function::getRabbit, FunctionsProperties.Function::getRabbitOutput),

	EVENT_HUB(StreamTriggerBinding.EVENT_HUB, "event-hub", "eventhubs", EventHubTrigger.class, EventHubOutput.class,
			FunctionsProperties.Function::getEventHub, FunctionsProperties.Function::getEventHubOutput),

	SERVICE_BUS(StreamTriggerBinding.SERVICE_BUS, "service-bus", "servicebus", ServiceBusTrigger.class,
			ServiceBusOutput.class, FunctionsProperties.Function::getServiceBus,
			FunctionsProperties.Function::getServiceBusOutput);

	final String type;

	final String propertyKey;

	final String defaultBinder;

	final Class<? extends Annotation> trigger;

	final Class<? extends Annotation> output;

	final Function<FunctionsProperties.Function, StreamTriggerProperties> triggerProperties;

	final Function<FunctionsProperties.Function, StreamOutputProperties> outputProperties;

	StreamTriggerKind(String type, String propertyKey, String defaultBinder, Class<? extends Annotation> trigger,
			Class<? extends Annotation> output,
			Function<FunctionsProperties.Function, StreamTriggerProperties> triggerProperties,
			Function<FunctionsProperties.Function, StreamOutputProperties> outputProperties) {
		this.type = type;
		this.propertyKey = propertyKey;
		this.defaultBinder = defaultBinder;
		this.trigger = trigger;
		this.output = output;
		this.triggerProperties = triggerProperties;
		this.outputProperties = outputProperties;
	}

	/** What a trigger annotation declares: destination, group, binder and (RabbitMQ) routing key. */
	Declared declared(Annotation annotation) {
		if (annotation instanceof KafkaTrigger kafka) {
			return new Declared(kafka.topic(), kafka.group(), kafka.binder(), null);
		}
		if (annotation instanceof RabbitTrigger rabbit) {
			return new Declared(rabbit.exchange(), rabbit.group(), rabbit.binder(), rabbit.routingKey());
		}
		if (annotation instanceof EventHubTrigger eventHub) {
			return new Declared(eventHub.eventHub(), eventHub.consumerGroup(), eventHub.binder(), null);
		}
		ServiceBusTrigger serviceBus = (ServiceBusTrigger) annotation;
		if (!serviceBus.queue().isEmpty() && !serviceBus.topic().isEmpty()) {
			throw new IllegalArgumentException("@ServiceBusTrigger names both a queue ('" + serviceBus.queue()
					+ "') and a topic ('" + serviceBus.topic() + "'); set one");
		}
		if (!serviceBus.topic().isEmpty() && serviceBus.subscription().isEmpty()) {
			throw new IllegalArgumentException("@ServiceBusTrigger(topic = \"" + serviceBus.topic()
					+ "\") needs a subscription");
		}
		String destination = serviceBus.queue().isEmpty() ? serviceBus.topic() : serviceBus.queue();
		return new Declared(destination, serviceBus.subscription(), serviceBus.binder(), null);
	}

	/** What an output annotation declares: destination, binder and (RabbitMQ) routing key. */
	Declared declaredOutput(Annotation annotation) {
		if (annotation instanceof KafkaOutput kafka) {
			return new Declared(kafka.topic(), null, kafka.binder(), null);
		}
		if (annotation instanceof RabbitOutput rabbit) {
			return new Declared(rabbit.exchange(), null, rabbit.binder(), rabbit.routingKey());
		}
		if (annotation instanceof EventHubOutput eventHub) {
			return new Declared(eventHub.eventHub(), null, eventHub.binder(), null);
		}
		// for a Service Bus output, the group slot carries the entity type
		ServiceBusOutput serviceBus = (ServiceBusOutput) annotation;
		if (!serviceBus.queue().isEmpty() && !serviceBus.topic().isEmpty()) {
			throw new IllegalArgumentException("@ServiceBusOutput names both a queue ('" + serviceBus.queue()
					+ "') and a topic ('" + serviceBus.topic() + "'); set one");
		}
		boolean topic = serviceBus.queue().isEmpty();
		return new Declared(topic ? serviceBus.topic() : serviceBus.queue(),
				topic ? StreamOutputBinding.TOPIC : StreamOutputBinding.QUEUE, serviceBus.binder(), null);
	}

	/** Annotation values before placeholders are resolved. */
	record Declared(String destination, String group, String binder, String routingKey) {
	}

}
