package dev.funcboot.trigger.rabbit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamDelivery;
import dev.funcboot.trigger.stream.StreamHeaders;

import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * One RabbitMQ message, settled on the consumer's own channel: republished (retry queue or
 * dead-letter queue) before it is acked, so a crash in between delivers it twice, never loses it.
 */
final class RabbitDelivery implements StreamDelivery {

	private final Record record;

	private final Channel channel;

	private final long deliveryTag;

	private final StreamTriggerBinding trigger;

	private final Map<String, Object> applicationHeaders;

	private final String contentType;

	private final int attempt;

	private final Set<String> retryQueues;

	/** Whether the message was acked already (republished for a retry or as a dead letter). */
	private boolean settled;

	private RabbitDelivery(Record record, Channel channel, long deliveryTag, StreamTriggerBinding trigger,
			Map<String, Object> applicationHeaders, String contentType, int attempt, Set<String> retryQueues) {
		this.record = record;
		this.channel = channel;
		this.deliveryTag = deliveryTag;
		this.trigger = trigger;
		this.applicationHeaders = applicationHeaders;
		this.contentType = contentType;
		this.attempt = attempt;
		this.retryQueues = retryQueues;
	}

	static RabbitDelivery of(Message<?> message, StreamTriggerBinding trigger, Set<String> retryQueues) {
		MessageHeaders headers = message.getHeaders();
		return of((byte[]) message.getPayload(), headers, headers.get(AmqpHeaders.CHANNEL, Channel.class),
				trigger, retryQueues);
	}

	/**
	 * One message of a batch, or a message on its own.
	 * @param headers its headers as Spring AMQP maps them ({@code amqp_deliveryTag} ...)
	 * @param channel the consumer's channel, which settles it
	 */
	static RabbitDelivery of(byte[] payload, Map<String, Object> headers, Channel channel,
			StreamTriggerBinding trigger, Set<String> retryQueues) {
		Object tag = headers.get(AmqpHeaders.DELIVERY_TAG);
		if (channel == null || !(tag instanceof Long)) {
			throw new IllegalStateException("A RabbitMQ message on '" + trigger.destination() + "' came without its "
					+ "channel; the consumer binding must use acknowledge-mode MANUAL (do not override "
					+ "spring.cloud.stream.rabbit.bindings.<function>-in-0.consumer.acknowledge-mode)");
		}
		Map<String, Object> own = new LinkedHashMap<>();
		headers.forEach((name, value) -> {
			if (isApplicationHeader(name) && value != null) {
				own.put(name, value);
			}
		});
		boolean redelivered = Boolean.TRUE.equals(headers.get(AmqpHeaders.REDELIVERED));
		Object marked = own.get(StreamHeaders.ATTEMPT);
		int attempt = (marked != null) ? Integer.parseInt(String.valueOf(marked)) : 1;
		// a message that came back unacked (a crashed or stopped consumer) was attempted once more
		attempt += redelivered ? 1 : 0;
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("exchange", headers.get(AmqpHeaders.RECEIVED_EXCHANGE));
		metadata.put("routingKey", headers.get(AmqpHeaders.RECEIVED_ROUTING_KEY));
		metadata.put("queue", headers.get(AmqpHeaders.CONSUMER_QUEUE));
		metadata.put("messageId", headers.get(AmqpHeaders.MESSAGE_ID));
		metadata.put("redelivered", redelivered);
		metadata.put("headers", StreamHeaders.asStrings(own, (name) -> true));
		Object contentType = headers.get(MessageHeaders.CONTENT_TYPE);
		return new RabbitDelivery(new Record(payload, metadata), channel, (Long) tag, trigger, own,
				(contentType != null) ? contentType.toString() : null, attempt, retryQueues);
	}

	/** Headers the publisher (or a tracer) set, as opposed to the AMQP properties Spring maps. */
	static boolean isApplicationHeader(String name) {
		return !name.startsWith(AmqpHeaders.PREFIX) && !name.equals(MessageHeaders.ID)
				&& !name.equals(MessageHeaders.TIMESTAMP) && !name.equals(MessageHeaders.CONTENT_TYPE)
				&& !name.equals("deliveryAttempt") && !name.startsWith("scst_") && !name.equals("sourceData")
				&& !name.equals("target-protocol");
	}

	/** The message's delivery tag on its channel. */
	long deliveryTag() {
		return this.deliveryTag;
	}

	/** Whether it was acked on its own already (republished for a retry or as a dead letter). */
	boolean isSettled() {
		return this.settled;
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
		ack();
	}

	private void ack() {
		if (this.settled) {
			return;
		}
		try {
			this.channel.basicAck(this.deliveryTag, false);
			this.settled = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Republishes the message to the retry queue of its delay, {@code <queue>.retry.<millis>ms},
	 * whose messages all expire after that delay (the queue's {@code x-message-ttl}) back into the
	 * function's queue. One queue per delay, because RabbitMQ expires messages only from the head of
	 * a queue: in one queue of per-message expirations, a message waiting a minute (a late attempt
	 * of an exponential back-off) held up one behind it that waits a second.
	 */
	@Override
	public boolean redeliver(Duration delay) {
		String queue = RabbitStreamBroker.queue(this.trigger);
		long millis = Math.max(0, delay.toMillis());
		String retryQueue = retryQueue(queue, millis);
		try {
			if (this.retryQueues.add(retryQueue)) {
				// expired messages go back to the queue through the default exchange
				this.channel.queueDeclare(retryQueue, true, false, false, Map.of("x-message-ttl", millis,
						"x-dead-letter-exchange", "", "x-dead-letter-routing-key", queue));
			}
			Map<String, Object> headers = new HashMap<>(this.applicationHeaders);
			headers.put(StreamHeaders.ATTEMPT, this.attempt + 1);
			publish(retryQueue, headers, null);
		}
		catch (IOException ex) {
			this.retryQueues.remove(retryQueue);
			throw new UncheckedIOException(ex);
		}
		ack();
		return true;
	}

	/** The retry queue of a delay, for a function's queue. */
	static String retryQueue(String queue, long delayMillis) {
		return queue + ".retry." + delayMillis + "ms";
	}

	@Override
	public boolean deadLetter(int index, DeadLetter deadLetter) {
		Map<String, Object> headers = new HashMap<>(this.applicationHeaders);
		headers.put(StreamHeaders.REASON, deadLetter.reason());
		headers.put(StreamHeaders.FUNCTION, deadLetter.function());
		headers.put(StreamHeaders.ATTEMPTS, deadLetter.attempts());
		headers.put(StreamHeaders.INVOCATION_ID, deadLetter.invocationId());
		headers.put(StreamHeaders.ORIGINAL_DESTINATION, this.trigger.destination());
		headers.put("x-original-exchange", String.valueOf(this.record.metadata().get("exchange")));
		headers.put("x-original-routing-key", String.valueOf(this.record.metadata().get("routingKey")));
		headers.put("x-original-queue", RabbitStreamBroker.queue(this.trigger));
		headers.remove(StreamHeaders.ATTEMPT);
		try {
			publish(RabbitStreamBroker.deadLetterQueue(this.trigger), headers, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ack();
		return true;
	}

	private void publish(String queue, Map<String, Object> headers, String expiration) throws IOException {
		Map<String, Object> amqp = new HashMap<>();
		headers.forEach((name, value) -> amqp.put(name, amqpValue(value)));
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType(this.contentType)
			.deliveryMode(2)
			.headers(amqp)
			.expiration(expiration)
			.messageId((String) this.record.metadata().get("messageId"))
			.build();
		this.channel.basicPublish("", queue, properties, this.record.payload());
	}

	/** A value AMQP can carry as a header (x-death's lists and maps stay as they are). */
	private static Object amqpValue(Object value) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Date
				|| value instanceof byte[] || value instanceof List<?> || value instanceof Map<?, ?>) {
			return value;
		}
		return String.valueOf(value);
	}

}
