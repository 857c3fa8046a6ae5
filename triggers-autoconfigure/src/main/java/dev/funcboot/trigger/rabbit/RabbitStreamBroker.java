package dev.funcboot.trigger.rabbit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.funcboot.functions.binding.StreamOutputBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamBroker;
import dev.funcboot.trigger.stream.StreamDelivery;
import dev.funcboot.trigger.stream.StreamProperties;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.rabbit.RabbitMessageChannelBinder;
import org.springframework.cloud.stream.binder.rabbit.properties.RabbitConsumerProperties;
import org.springframework.cloud.stream.binder.rabbit.properties.RabbitProducerProperties;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * RabbitMQ through Spring Cloud Stream's Rabbit binder, which declares the topic exchange, the
 * durable queue {@code <exchange>.<group>} bound with the routing key, and its dead-letter queue
 * {@code <exchange>.<group>.dlq}. Acknowledgment is manual: a message is acked only once it
 * completed, was republished for a retry, or was republished to the dead-letter queue with the
 * {@code x-funcboot-*} reason headers (besides its own headers, {@code x-death} included). A retry
 * waits in {@code <queue>.retry} with a per-message TTL, whence RabbitMQ dead-letters it back to
 * the queue, carrying {@code x-funcboot-attempt}.
 */
public final class RabbitStreamBroker implements StreamBroker {

	/** Retry queues declared by this application, so each is declared once. */
	private final Set<String> retryQueues = ConcurrentHashMap.newKeySet();

	@Override
	public boolean supports(Binder<?, ?, ?> binder) {
		return binder instanceof RabbitMessageChannelBinder;
	}

	@Override
	public String propertiesName() {
		return "rabbit";
	}

	/** How long a batch being taken waits for its next message. */
	static final Duration BATCH_RECEIVE_TIMEOUT = Duration.ofMillis(20);

	/** Deliveries come in batches (consumer-side batching), settled message by message. */
	@Override
	public boolean consumesPolls() {
		return true;
	}

	@Override
	public Object consumerExtension(StreamTriggerBinding trigger, String function, boolean batch,
			StreamProperties defaults) {
		RabbitConsumerProperties rabbit = new RabbitConsumerProperties();
		// Funcboot acks, rejects nothing: retries and dead letters are republished, then acked
		rabbit.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		rabbit.setPrefetch(trigger.options().batchSize());
		// the container takes what is there, up to the prefetch, and hands it over in one go: one
		// conversion and dispatch, and one ack for those that completed; a lone message waits at
		// most the receive timeout for company
		rabbit.setEnableBatching(true);
		rabbit.setBatchSize(trigger.options().batchSize());
		rabbit.setReceiveTimeout(BATCH_RECEIVE_TIMEOUT.toMillis());
		rabbit.setBindingRoutingKey(trigger.routingKey());
		rabbit.setAutoBindDlq(true);
		rabbit.setRepublishToDlq(false);
		rabbit.setRequeueRejected(false);
		if (trigger.options().deadLetter() != null) {
			rabbit.setDeadLetterQueueName(trigger.options().deadLetter());
		}
		return rabbit;
	}

	@Override
	public Object producerExtension(StreamOutputBinding output) {
		RabbitProducerProperties rabbit = new RabbitProducerProperties();
		if (output.routingKey() != null) {
			rabbit.setRoutingKey(output.routingKey());
		}
		return rabbit;
	}

	@Override
	public String deadLetterDestination(StreamTriggerBinding trigger, String function) {
		// dead letters are republished on the consumer's channel, straight to the DLQ the binder declared
		return null;
	}

	/**
	 * A Service Bus queue read through RabbitMQ has no group: its functions share the durable queue
	 * {@code <queue>.<queue>}, as they share the Service Bus queue.
	 */
	@Override
	public String group(StreamTriggerBinding trigger) {
		return trigger.group().isEmpty() ? trigger.destination() : trigger.group();
	}

	/** The queue the binder declares for a trigger. */
	static String queue(StreamTriggerBinding trigger) {
		return trigger.destination() + "." + (trigger.group().isEmpty() ? trigger.destination() : trigger.group());
	}

	/** Its dead-letter queue. */
	static String deadLetterQueue(StreamTriggerBinding trigger) {
		return (trigger.options().deadLetter() != null) ? trigger.options().deadLetter() : queue(trigger) + ".dlq";
	}

	@Override
	public StreamDelivery delivery(Message<?> message, StreamTriggerBinding trigger, MessageChannel deadLetters) {
		if (message.getPayload() instanceof List<?>) {
			return RabbitBatchDelivery.of(message, trigger, this.retryQueues);
		}
		return RabbitDelivery.of(message, trigger, this.retryQueues);
	}

}
