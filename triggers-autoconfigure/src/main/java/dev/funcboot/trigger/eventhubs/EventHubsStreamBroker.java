package dev.funcboot.trigger.eventhubs;

import com.azure.spring.cloud.stream.binder.eventhubs.core.properties.EventHubsConsumerProperties;
import com.azure.spring.cloud.stream.binder.eventhubs.core.properties.EventHubsProducerProperties;
import com.azure.spring.cloud.stream.binder.eventhubs.implementation.EventHubsMessageChannelBinder;
import com.azure.spring.messaging.eventhubs.core.checkpoint.CheckpointMode;
import dev.funcboot.functions.binding.StreamOutputBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamBroker;
import dev.funcboot.trigger.stream.StreamDelivery;
import dev.funcboot.trigger.stream.StreamProperties;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * Azure Event Hubs through {@code spring-cloud-azure-stream-binder-eventhubs}: checkpoint mode
 * {@code MANUAL}, so a partition's checkpoint moves only after its events completed or were
 * dead-lettered; batches of at most {@code batch-size} events for a {@code List<T>} function;
 * retries in place (an event hub has no redelivery), dead letters to the event hub
 * {@code <event-hub>-deadletter} (create it, or set {@code dead-letter}). The processor's
 * checkpoint store (a storage container) is the binder's configuration.
 */
public final class EventHubsStreamBroker implements StreamBroker {

	@Override
	public boolean supports(Binder<?, ?, ?> binder) {
		return binder instanceof EventHubsMessageChannelBinder;
	}

	@Override
	public String propertiesName() {
		return "eventhubs";
	}

	@Override
	public boolean supportsBatches() {
		return true;
	}

	@Override
	public Object consumerExtension(StreamTriggerBinding trigger, String function, boolean batch,
			StreamProperties defaults) {
		EventHubsConsumerProperties eventHubs = new EventHubsConsumerProperties();
		eventHubs.getCheckpoint().setMode(CheckpointMode.MANUAL);
		eventHubs.getBatch().setMaxSize(trigger.options().batchSize());
		return eventHubs;
	}

	@Override
	public Object producerExtension(StreamOutputBinding output) {
		EventHubsProducerProperties eventHubs = new EventHubsProducerProperties();
		eventHubs.setSync(true);
		return eventHubs;
	}

	@Override
	public String deadLetterDestination(StreamTriggerBinding trigger, String function) {
		return (trigger.options().deadLetter() != null) ? trigger.options().deadLetter()
				: trigger.destination() + "-deadletter";
	}

	@Override
	public StreamDelivery delivery(Message<?> message, StreamTriggerBinding trigger, MessageChannel deadLetters) {
		return EventHubsDelivery.of(message, trigger, deadLetters);
	}

}
