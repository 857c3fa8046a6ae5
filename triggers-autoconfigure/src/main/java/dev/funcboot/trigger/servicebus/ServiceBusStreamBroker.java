package dev.funcboot.trigger.servicebus;

import com.azure.spring.cloud.service.servicebus.properties.ServiceBusEntityType;
import com.azure.spring.cloud.stream.binder.servicebus.core.properties.ServiceBusConsumerProperties;
import com.azure.spring.cloud.stream.binder.servicebus.core.properties.ServiceBusProducerProperties;
import com.azure.spring.cloud.stream.binder.servicebus.implementation.ServiceBusMessageChannelBinder;
import dev.funcboot.functions.binding.StreamOutputBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamBroker;
import dev.funcboot.trigger.stream.StreamDelivery;
import dev.funcboot.trigger.stream.StreamProperties;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * Azure Service Bus through {@code spring-cloud-azure-stream-binder-servicebus}: peek-lock with
 * auto-complete off, so Funcboot completes, abandons (retry) or dead-letters each message itself;
 * a queue when the trigger has no subscription, else the topic's subscription (the binding's
 * group). Ordering by session is the binder's ({@code session-enabled}, set under
 * {@code spring.cloud.stream.servicebus.bindings.<function>-in-0.consumer.*}).
 */
public final class ServiceBusStreamBroker implements StreamBroker {

	@Override
	public boolean supports(Binder<?, ?, ?> binder) {
		return binder instanceof ServiceBusMessageChannelBinder;
	}

	@Override
	public String propertiesName() {
		return "servicebus";
	}

	@Override
	public Object consumerExtension(StreamTriggerBinding trigger, String function, boolean batch,
			StreamProperties defaults) {
		ServiceBusConsumerProperties serviceBus = new ServiceBusConsumerProperties();
		serviceBus.setAutoComplete(false);
		serviceBus.setRequeueRejected(false);
		serviceBus.setEntityType(trigger.group().isEmpty() ? ServiceBusEntityType.QUEUE : ServiceBusEntityType.TOPIC);
		serviceBus.setPrefetchCount(trigger.options().batchSize());
		return serviceBus;
	}

	@Override
	public Object producerExtension(StreamOutputBinding output) {
		ServiceBusProducerProperties serviceBus = new ServiceBusProducerProperties();
		serviceBus.setSync(true);
		serviceBus.setEntityType(StreamOutputBinding.TOPIC.equals(output.entityType()) ? ServiceBusEntityType.TOPIC
				: ServiceBusEntityType.QUEUE);
		return serviceBus;
	}

	@Override
	public String deadLetterDestination(StreamTriggerBinding trigger, String function) {
		// every Service Bus entity has its dead-letter sub-queue
		return null;
	}

	@Override
	public StreamDelivery delivery(Message<?> message, StreamTriggerBinding trigger, MessageChannel deadLetters) {
		return ServiceBusDelivery.of(message, trigger);
	}

}
