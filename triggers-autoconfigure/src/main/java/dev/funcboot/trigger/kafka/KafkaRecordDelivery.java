package dev.funcboot.trigger.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamDelivery;

import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;

/** One Kafka record, settled with the container's {@link Acknowledgment}. */
final class KafkaRecordDelivery implements StreamDelivery {

	private final Record record;

	private final Acknowledgment acknowledgment;

	private final MessageChannel deadLetters;

	private final Map<String, Integer> attempts;

	private final String key;

	private final int attempt;

	private KafkaRecordDelivery(Record record, Acknowledgment acknowledgment, MessageChannel deadLetters,
			Map<String, Integer> attempts, String key) {
		this.record = record;
		this.acknowledgment = acknowledgment;
		this.deadLetters = deadLetters;
		this.attempts = attempts;
		this.key = key;
		this.attempt = attempts.getOrDefault(key, 0) + 1;
	}

	static KafkaRecordDelivery of(Message<?> message, StreamTriggerBinding trigger, MessageChannel deadLetters,
			Map<String, Integer> attempts) {
		MessageHeaders headers = message.getHeaders();
		Acknowledgment acknowledgment = headers.get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
		if (acknowledgment == null) {
			throw new IllegalStateException("A Kafka message on '" + trigger.destination()
					+ "' came without an acknowledgment; the consumer binding must use ack-mode MANUAL "
					+ "(do not override spring.cloud.stream.kafka.bindings.<function>-in-0.consumer.ack-mode)");
		}
		String topic = headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class);
		Object partition = headers.get(KafkaHeaders.RECEIVED_PARTITION);
		Object offset = headers.get(KafkaHeaders.OFFSET);
		Record record = KafkaRecords.record((byte[]) message.getPayload(), topic, partition, offset,
				headers.get(KafkaHeaders.RECEIVED_KEY), headers.get(KafkaHeaders.RECEIVED_TIMESTAMP), headers);
		return new KafkaRecordDelivery(record, acknowledgment, deadLetters, attempts,
				KafkaRecords.key(trigger.group(), topic, partition, offset));
	}

	@Override
	public List<Record> records() {
		return List.of(this.record);
	}

	@Override
	public int attempt() {
		return this.attempt;
	}

	@Override
	public void complete() {
		this.attempts.remove(this.key);
		this.acknowledgment.acknowledge();
	}

	@Override
	public boolean redeliver(Duration delay) {
		this.attempts.put(this.key, this.attempt);
		// seeks back: this record (and the rest of the poll) comes again after the delay, in order
		this.acknowledgment.nack(delay);
		return true;
	}

	@Override
	public boolean deadLetter(int index, DeadLetter deadLetter) {
		KafkaRecords.deadLetter(this.deadLetters, this.record, deadLetter);
		return true;
	}

}
