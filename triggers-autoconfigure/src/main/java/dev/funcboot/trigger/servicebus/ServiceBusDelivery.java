package dev.funcboot.trigger.servicebus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.azure.messaging.servicebus.ServiceBusReceivedMessageContext;
import com.azure.spring.messaging.servicebus.support.ServiceBusMessageHeaders;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamDelivery;
import dev.funcboot.trigger.stream.StreamHeaders;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * One Service Bus message, settled by Funcboot: completed after success; abandoned for a retry
 * (Service Bus redelivers it at once and counts the delivery; the retry delay does not apply);
 * dead-lettered with the reason as dead-letter reason and description, and the function, attempts
 * and invocation id as properties. The attempt is the SDK's delivery count.
 */
public final class ServiceBusDelivery implements StreamDelivery {

	/** Longest dead-letter reason Service Bus keeps. */
	static final int MAX_REASON = 4096;

	private final Record record;

	private final ServiceBusSettlement settlement;

	private final int attempt;

	/** Whether the message was dead-lettered or abandoned already. */
	private boolean settled;

	public ServiceBusDelivery(Record record, ServiceBusSettlement settlement, int attempt) {
		this.record = record;
		this.settlement = settlement;
		this.attempt = attempt;
	}

	static ServiceBusDelivery of(Message<?> message, StreamTriggerBinding trigger) {
		MessageHeaders headers = message.getHeaders();
		ServiceBusReceivedMessageContext context = headers.get(ServiceBusMessageHeaders.RECEIVED_MESSAGE_CONTEXT,
				ServiceBusReceivedMessageContext.class);
		if (context == null) {
			throw new IllegalStateException("A Service Bus message on '" + trigger.destination() + "' came without "
					+ "its received-message context; the consumer binding must not auto-complete (do not override "
					+ "spring.cloud.stream.servicebus.bindings.<function>-in-0.consumer.auto-complete)");
		}
		return new ServiceBusDelivery(record(message.getPayload(), headers),
				ServiceBusSettlement.of(context), attempt(headers.get(ServiceBusMessageHeaders.DELIVERY_COUNT)));
	}

	public static Record record(Object payload, Map<String, Object> headers) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("messageId", headers.get(ServiceBusMessageHeaders.MESSAGE_ID));
		metadata.put("sessionId", headers.get(ServiceBusMessageHeaders.SESSION_ID));
		metadata.put("deliveryCount", headers.get(ServiceBusMessageHeaders.DELIVERY_COUNT));
		metadata.put("enqueuedTime", headers.get(ServiceBusMessageHeaders.ENQUEUED_TIME));
		metadata.put("sequenceNumber", headers.get(ServiceBusMessageHeaders.SEQUENCE_NUMBER));
		metadata.put("headers", StreamHeaders.asStrings(headers, ServiceBusDelivery::isApplicationHeader));
		byte[] body = (payload instanceof byte[] bytes) ? bytes
				: String.valueOf(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return new Record(body, metadata);
	}

	static boolean isApplicationHeader(String name) {
		return !name.startsWith("azure_") && !name.equals(MessageHeaders.ID) && !name.equals(MessageHeaders.TIMESTAMP)
				&& !name.equals(MessageHeaders.CONTENT_TYPE) && !name.startsWith("scst_");
	}

	/** The SDK counts deliveries from 1 (older namespaces report 0 for the first). */
	public static int attempt(Object deliveryCount) {
		long count = (deliveryCount instanceof Number number) ? number.longValue() : 1;
		return (int) Math.max(1, Math.min(count, Integer.MAX_VALUE));
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
		if (!this.settled) {
			this.settlement.complete();
			this.settled = true;
		}
	}

	@Override
	public boolean redeliver(Duration delay) {
		this.settlement.abandon(Map.of(StreamHeaders.ATTEMPT, this.attempt + 1));
		this.settled = true;
		return true;
	}

	@Override
	public boolean deadLetter(int index, DeadLetter deadLetter) {
		String reason = deadLetter.reason();
		this.settlement.deadLetter(
				(reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason, reason,
				Map.of(StreamHeaders.FUNCTION, deadLetter.function(), StreamHeaders.ATTEMPTS, deadLetter.attempts(),
						StreamHeaders.INVOCATION_ID, deadLetter.invocationId()));
		this.settled = true;
		return true;
	}

}
