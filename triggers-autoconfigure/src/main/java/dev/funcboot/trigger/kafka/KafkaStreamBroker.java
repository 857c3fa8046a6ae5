package dev.funcboot.trigger.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.funcboot.functions.binding.StreamOutputBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamBroker;
import dev.funcboot.trigger.stream.StreamDelivery;
import dev.funcboot.trigger.stream.StreamProperties;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaProducerProperties;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * Kafka through Spring Cloud Stream's Kafka binder (also an event hub's Kafka endpoint): manual
 * acknowledgment, so an offset is committed only after its record completed or was dead-lettered
 * (a poll's offsets are committed when Funcboot acknowledges it, {@code MANUAL_IMMEDIATE});
 * the binder hands over whole polls (batch mode), also to functions that take one record, which
 * are invoked once per record, in order, with one commit per poll; a retry commits the records
 * before the failed one and seeks the partition back to it ({@code nack(index)}), which keeps
 * the partition's order; dead letters go to {@code error.<topic>.<group>} (the binder's own DLQ
 * naming) through a synchronous producer, with the reason in {@code x-funcboot-*} headers and the
 * original headers and key.
 *
 * <p>Attempt numbers are counted in memory per record (as Spring Kafka's own error handler does):
 * after a restart or a rebalance a redelivered record starts again at attempt 1.
 */
public final class KafkaStreamBroker implements StreamBroker {

	/** Attempts made so far, by group, topic, partition and offset, of records not yet settled. */
	private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

	@Override
	public boolean supports(Binder<?, ?, ?> binder) {
		return binder instanceof KafkaMessageChannelBinder;
	}

	@Override
	public String propertiesName() {
		return "kafka";
	}

	@Override
	public boolean supportsBatches() {
		return true;
	}

	/** Polls come whole: one conversion and one commit per poll, one invocation per record. */
	@Override
	public boolean consumesPolls() {
		return true;
	}

	@Override
	public boolean pausesConsumers() {
		return true;
	}

	@Override
	public Object consumerExtension(StreamTriggerBinding trigger, String function, boolean batch,
			StreamProperties defaults) {
		KafkaConsumerProperties kafka = new KafkaConsumerProperties();
		// Funcboot acknowledges: commits follow settlements, never the poll; a poll's acknowledgment
		// commits its offsets there and then (one commit per poll, as MANUAL makes before the next
		// poll, without MANUAL's bookkeeping of every record's offset)
		kafka.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
		kafka.setEnableDlq(false);
		// a new group reads what was sent before it started, as Azure Functions' Kafka trigger does
		kafka.setStartOffset(KafkaConsumerProperties.StartOffset.earliest);
		kafka.getConfiguration().put("max.poll.records", String.valueOf(trigger.options().batchSize()));
		// polls come as the records themselves, unconverted (see KafkaPollConverter)
		kafka.setConverterBeanName(KafkaPollConverter.BEAN_NAME);
		return kafka;
	}

	/**
	 * A binding the user turned to record mode ({@code batch-mode=false}) acknowledges each record:
	 * committed before the next poll (MANUAL), not one commit per record.
	 */
	@Override
	public void consumerProperties(ExtendedConsumerProperties<Object> consumer) {
		if (!consumer.isBatchMode() && consumer.getExtension() instanceof KafkaConsumerProperties kafka
				&& kafka.getAckMode() == ContainerProperties.AckMode.MANUAL_IMMEDIATE) {
			kafka.setAckMode(ContainerProperties.AckMode.MANUAL);
		}
	}

	@Override
	public Object producerExtension(StreamOutputBinding output) {
		KafkaProducerProperties kafka = new KafkaProducerProperties();
		// an output counts as sent only once the broker has it
		kafka.setSync(true);
		return kafka;
	}

	@Override
	public String deadLetterDestination(StreamTriggerBinding trigger, String function) {
		return (trigger.options().deadLetter() != null) ? trigger.options().deadLetter()
				: "error." + trigger.destination() + "." + trigger.group();
	}

	@Override
	public StreamDelivery delivery(Message<?> message, StreamTriggerBinding trigger, MessageChannel deadLetters) {
		if (message.getPayload() instanceof List<?>) {
			return KafkaBatchDelivery.of(message, trigger, deadLetters, this.attempts);
		}
		return KafkaRecordDelivery.of(message, trigger, deadLetters, this.attempts);
	}

	static byte[] bytes(Object value) {
		return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
	}

}
