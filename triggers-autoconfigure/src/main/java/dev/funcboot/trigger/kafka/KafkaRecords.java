package dev.funcboot.trigger.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.trigger.stream.LazyMetadata;
import dev.funcboot.trigger.stream.StreamDelivery;
import dev.funcboot.trigger.stream.StreamHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageChannel;

/** What one Kafka record is to Funcboot: its metadata, its attempt key, and its dead letter. */
final class KafkaRecords {

	private KafkaRecords() {
	}

	/**
	 * @param headers the record's own headers, without Spring's and the binder's
	 */
	static StreamDelivery.Record record(byte[] payload, String topic, Object partition, Object offset, Object key,
			Object timestamp, Map<String, Object> headers) {
		return new StreamDelivery.Record(payload, metadata(topic, partition, offset, key, timestamp, headers));
	}

	private static Map<String, Object> metadata(String topic, Object partition, Object offset, Object key,
			Object timestamp, Map<String, Object> headers) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("topic", topic);
		metadata.put("partition", partition);
		metadata.put("offset", offset);
		if (key != null) {
			metadata.put("key", (key instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
					: String.valueOf(key));
		}
		metadata.put("timestamp", timestamp);
		metadata.put("headers", StreamHeaders.asStrings(headers, KafkaRecords::isApplicationHeader));
		return metadata;
	}

	/**
	 * A record as the consumer polled it (see {@link KafkaPollConverter}); its metadata is read
	 * from it only when something asks ({@link LazyMetadata}).
	 */
	static StreamDelivery.Record record(ConsumerRecord<?, ?> record) {
		Object value = record.value();
		byte[] payload = (value instanceof byte[] bytes) ? bytes
				: (value != null) ? String.valueOf(value).getBytes(StandardCharsets.UTF_8) : new byte[0];
		return new StreamDelivery.Record(payload, new LazyMetadata(() -> metadata(record)));
	}

	private static Map<String, Object> metadata(ConsumerRecord<?, ?> record) {
		Map<String, Object> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), header.value());
		}
		return metadata(record.topic(), record.partition(), record.offset(), record.key(), record.timestamp(), headers);
	}

	/** Headers the application (or a tracer) set, as opposed to Kafka's, Spring's and the binder's. */
	static boolean isApplicationHeader(String name) {
		return !name.startsWith(KafkaHeaders.PREFIX) && !name.equals("id") && !name.equals("timestamp")
				&& !name.equals("deliveryAttempt") && !name.startsWith("scst_") && !name.equals("contentType")
				&& !name.equals("spring_json_header_types") && !name.equals("sourceData")
				&& !name.equals("target-protocol");
	}

	static String key(String group, Object topic, Object partition, Object offset) {
		return group + "|" + topic + "|" + partition + "|" + offset;
	}

	static void deadLetter(MessageChannel deadLetters, StreamDelivery.Record record,
			StreamDelivery.DeadLetter deadLetter) {
		Map<String, Object> metadata = record.metadata();
		@SuppressWarnings("unchecked")
		Map<String, String> original = (Map<String, String>) metadata.get("headers");
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.payload());
		original.forEach((name, value) -> message.setHeader(name, KafkaStreamBroker.bytes(value)));
		message.setHeader(StreamHeaders.REASON, KafkaStreamBroker.bytes(deadLetter.reason()))
			.setHeader(StreamHeaders.FUNCTION, KafkaStreamBroker.bytes(deadLetter.function()))
			.setHeader(StreamHeaders.ATTEMPTS, KafkaStreamBroker.bytes(deadLetter.attempts()))
			.setHeader(StreamHeaders.INVOCATION_ID, KafkaStreamBroker.bytes(deadLetter.invocationId()))
			.setHeader(StreamHeaders.ORIGINAL_DESTINATION, KafkaStreamBroker.bytes(metadata.get("topic")))
			.setHeader("x-original-partition", KafkaStreamBroker.bytes(metadata.get("partition")))
			.setHeader("x-original-offset", KafkaStreamBroker.bytes(metadata.get("offset")));
		if (metadata.get("key") != null) {
			message.setHeader(KafkaHeaders.KEY, KafkaStreamBroker.bytes(metadata.get("key")));
		}
		if (!deadLetters.send(message.build())) {
			throw new IllegalStateException("The dead-letter producer did not take the message");
		}
	}

}
