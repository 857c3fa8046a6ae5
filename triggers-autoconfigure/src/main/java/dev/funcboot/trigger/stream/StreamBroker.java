package dev.funcboot.trigger.stream;

import dev.funcboot.functions.binding.StreamOutputBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * What Funcboot needs to know of one Spring Cloud Stream binder (Kafka, RabbitMQ, Event Hubs,
 * Service Bus) to bind functions through it and settle their messages: the binder's extended
 * consumer and producer properties, made from a function binding, and the settlement of a
 * received message. One bean per binder whose library is present.
 */
public interface StreamBroker {

	/** Whether this adapter serves this binder instance. */
	boolean supports(Binder<?, ?, ?> binder);

	/** The binder's name in {@code spring.cloud.stream.<name>.bindings.*}: {@code kafka}, {@code rabbit} ... */
	String propertiesName();

	/** The consumer group the binder gets: the trigger's, unless the broker needs one where it has none. */
	default String group(StreamTriggerBinding trigger) {
		return trigger.group();
	}

	/** Whether a function taking {@code List<T>} can get batches from this broker. */
	default boolean supportsBatches() {
		return false;
	}

	/**
	 * Whether the binder consumes whole polls for a function that takes one message, so that the
	 * binder's per-message work (conversion, channel dispatch) and the commit are paid once per
	 * poll; {@link #delivery} then returns a {@link StreamDelivery.Polled}.
	 */
	default boolean consumesPolls() {
		return false;
	}

	/**
	 * Whether the binder's consumer pauses in place (Kafka: it stays in its group, its partitions
	 * paused); else pausing a function stops its binding.
	 */
	default boolean pausesConsumers() {
		return false;
	}

	/**
	 * The binder's extended consumer properties (e.g. {@code KafkaConsumerProperties}) with manual
	 * settlement and the trigger's options.
	 * @param function the function's name
	 * @param batch whether the function takes a {@code List}
	 */
	Object consumerExtension(StreamTriggerBinding trigger, String function, boolean batch, StreamProperties defaults);

	/**
	 * Settles what depends on the consumer properties as the user left them (they may override
	 * what {@link #consumerExtension} chose, e.g. turn a poll binding's batch mode off).
	 */
	default void consumerProperties(ExtendedConsumerProperties<Object> consumer) {
	}

	/** The binder's extended producer properties, sending synchronously. */
	Object producerExtension(StreamOutputBinding output);

	/**
	 * The destination a producer binding sends dead letters to, or {@code null} when the adapter
	 * dead-letters by itself (RabbitMQ's DLQ, Service Bus' dead-letter sub-queue).
	 */
	String deadLetterDestination(StreamTriggerBinding trigger, String function);

	/**
	 * The settlement of a message the binder delivered.
	 * @param deadLetters the producer channel of {@link #deadLetterDestination}, or {@code null}
	 * @throws IllegalStateException when the message lacks the binder's settlement headers
	 */
	StreamDelivery delivery(Message<?> message, StreamTriggerBinding trigger, MessageChannel deadLetters);

}
