package dev.funcboot.trigger.kafka;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.BatchMessageConverter;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

/**
 * Hands a poll's records to Funcboot as they are: the message's payload is the list of
 * {@link ConsumerRecord}s, with the acknowledgment as its only header. Spring Kafka's own batch
 * converter maps every record's headers and builds a list per record field before the first
 * record is invoked; Funcboot reads what it needs from each record itself
 * ({@link KafkaRecords#record(ConsumerRecord)}). The Kafka binder uses it for Funcboot's consumer
 * bindings through {@code converterBeanName}; a user's {@code converter-bean-name} overrides it.
 */
final class KafkaPollConverter implements BatchMessageConverter {

	/** The bean's name, which the consumer bindings name. */
	static final String BEAN_NAME = "funcbootKafkaPollConverter";

	@Override
	public Message<?> toMessage(List<ConsumerRecord<?, ?>> records, Acknowledgment acknowledgment,
			Consumer<?, ?> consumer, Type payloadType) {
		return new GenericMessage<>(List.copyOf(records),
				(acknowledgment != null) ? Map.of(KafkaHeaders.ACKNOWLEDGMENT, acknowledgment) : Map.of());
	}

	@Override
	public List<ProducerRecord<?, ?>> fromMessage(Message<?> message, String defaultTopic) {
		throw new UnsupportedOperationException("Funcboot's poll converter only reads");
	}

}
