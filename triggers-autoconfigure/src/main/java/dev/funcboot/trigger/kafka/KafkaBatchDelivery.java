package dev.funcboot.trigger.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamDelivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;

/**
 * One poll's records, settled with the container's {@link Acknowledgment}. For a batch function
 * together: all committed, or all sought back; records dead-lettered on their own (undecodable)
 * are remembered, so a batch that comes again does not dead-letter them twice. For a function
 * taking one record ({@link StreamDelivery.Polled}), record by record: a retry commits the records
 * before the failed one and seeks back to it.
 */
final class KafkaBatchDelivery implements StreamDelivery.Polled {

	/** Marks a record that was dead-lettered while its batch was retried. */
	private static final int DEAD_LETTERED = -1;

	private final List<Record> records;

	/** The records' attempt keys, made only when an attempt is counted or looked up. */
	private final IntFunction<String> keys;

	private final Acknowledgment acknowledgment;

	private final MessageChannel deadLetters;

	private final Map<String, Integer> attempts;

	private final int attempt;

	private KafkaBatchDelivery(List<Record> records, IntFunction<String> keys,
			Acknowledgment acknowledgment, MessageChannel deadLetters, Map<String, Integer> attempts) {
		this.records = records;
		this.keys = keys;
		this.acknowledgment = acknowledgment;
		this.deadLetters = deadLetters;
		this.attempts = attempts;
		int highest = 0;
		// nothing is being retried (the common case): no record has a count to look up
		if (!attempts.isEmpty()) {
			for (int i = 0; i < records.size(); i++) {
				highest = Math.max(highest, attempts.getOrDefault(keys.apply(i), 0));
			}
		}
		this.attempt = highest + 1;
	}

	static KafkaBatchDelivery of(Message<?> message, StreamTriggerBinding trigger, MessageChannel deadLetters,
			Map<String, Integer> attempts) {
		MessageHeaders headers = message.getHeaders();
		Acknowledgment acknowledgment = headers.get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
		if (acknowledgment == null) {
			throw new IllegalStateException("A Kafka batch on '" + trigger.destination()
					+ "' came without an acknowledgment; the consumer binding must use ack-mode MANUAL");
		}
		List<?> payloads = (List<?>) message.getPayload();
		if (!payloads.isEmpty() && payloads.get(0) instanceof ConsumerRecord<?, ?>) {
			// unconverted (KafkaPollConverter): each record read as it is
			List<Record> records = new ArrayList<>(payloads.size());
			for (Object polled : payloads) {
				records.add(KafkaRecords.record((ConsumerRecord<?, ?>) polled));
			}
			return new KafkaBatchDelivery(records, (i) -> {
				ConsumerRecord<?, ?> record = (ConsumerRecord<?, ?>) payloads.get(i);
				return KafkaRecords.key(trigger.group(), record.topic(), record.partition(), record.offset());
			}, acknowledgment, deadLetters, attempts);
		}
		List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC);
		List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
		List<?> offsets = list(headers, KafkaHeaders.OFFSET);
		List<?> keys = list(headers, KafkaHeaders.RECEIVED_KEY);
		List<?> timestamps = list(headers, KafkaHeaders.RECEIVED_TIMESTAMP);
		List<?> converted = list(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS);
		List<Record> records = new ArrayList<>(payloads.size());
		for (int i = 0; i < payloads.size(); i++) {
			String topic = String.valueOf(at(topics, i));
			@SuppressWarnings("unchecked")
			Map<String, Object> own = (at(converted, i) instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
			records.add(KafkaRecords.record((byte[]) payloads.get(i), topic, at(partitions, i), at(offsets, i),
					at(keys, i), at(timestamps, i), own));
		}
		return new KafkaBatchDelivery(records,
				(i) -> KafkaRecords.key(trigger.group(), at(topics, i), at(partitions, i), at(offsets, i)), acknowledgment,
				deadLetters, attempts);
	}

	private static List<?> list(MessageHeaders headers, String name) {
		Object value = headers.get(name);
		return (value instanceof List<?> list) ? list : List.of();
	}

	private static Object at(List<?> list, int index) {
		return (index < list.size()) ? list.get(index) : null;
	}

	@Override
	public List<Record> records() {
		return this.records;
	}

	@Override
	public int attempt() {
		return this.attempt;
	}

	@Override
	public int attempt(int index) {
		return this.attempts.isEmpty() ? 1 : Math.max(0, this.attempts.getOrDefault(this.keys.apply(index), 0)) + 1;
	}

	@Override
	public void redeliverFrom(int index, Duration delay) {
		forgetAttempts(index);
		this.attempts.put(this.keys.apply(index), attempt(index));
		// commits the offsets before the index and seeks each partition back to its first record left
		this.acknowledgment.nack(index, delay);
	}

	/** Whether the record was dead-lettered in an earlier delivery of this batch. */
	boolean wasDeadLettered(int index) {
		return !this.attempts.isEmpty() && this.attempts.getOrDefault(this.keys.apply(index), 0) == DEAD_LETTERED;
	}

	@Override
	public void complete() {
		forgetAttempts(this.records.size());
		this.acknowledgment.acknowledge();
	}

	/** Forgets the counts of the records before the index: they are settled. */
	private void forgetAttempts(int end) {
		for (int i = 0; i < end && !this.attempts.isEmpty(); i++) {
			this.attempts.remove(this.keys.apply(i));
		}
	}

	@Override
	public boolean redeliver(Duration delay) {
		for (int i = 0; i < this.records.size(); i++) {
			String key = this.keys.apply(i);
			this.attempts.computeIfPresent(key, (k, value) -> (value == DEAD_LETTERED) ? value : this.attempt);
			this.attempts.putIfAbsent(key, this.attempt);
		}
		this.acknowledgment.nack(0, delay);
		return true;
	}

	@Override
	public boolean deadLetter(int index, DeadLetter deadLetter) {
		if (wasDeadLettered(index)) {
			return false;
		}
		KafkaRecords.deadLetter(this.deadLetters, this.records.get(index), deadLetter);
		this.attempts.put(this.keys.apply(index), DEAD_LETTERED);
		return true;
	}

}
