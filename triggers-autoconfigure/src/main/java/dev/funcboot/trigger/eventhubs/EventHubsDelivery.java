package dev.funcboot.trigger.eventhubs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.azure.spring.messaging.AzureHeaders;
import com.azure.spring.messaging.checkpoint.Checkpointer;
import com.azure.spring.messaging.eventhubs.support.EventHubsHeaders;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamDelivery;
import dev.funcboot.trigger.stream.StreamHeaders;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;

/**
 * One event (or batch) of an event hub partition, checkpointed by Funcboot (checkpoint mode
 * {@code MANUAL}) only after success or dead-lettering. Event Hubs cannot deliver an event again
 * on request: a retry runs in place, holding the partition, which keeps its order.
 */
public final class EventHubsDelivery implements StreamDelivery {

	private final List<Record> records;

	private final Checkpointer checkpointer;

	private final MessageChannel deadLetters;

	private final String eventHub;

	public EventHubsDelivery(List<Record> records, Checkpointer checkpointer, MessageChannel deadLetters, String eventHub) {
		this.records = records;
		this.checkpointer = checkpointer;
		this.deadLetters = deadLetters;
		this.eventHub = eventHub;
	}

	@SuppressWarnings("unchecked")
	static EventHubsDelivery of(Message<?> message, StreamTriggerBinding trigger, MessageChannel deadLetters) {
		MessageHeaders headers = message.getHeaders();
		Checkpointer checkpointer = headers.get(AzureHeaders.CHECKPOINTER, Checkpointer.class);
		if (checkpointer == null) {
			throw new IllegalStateException("An event of '" + trigger.destination() + "' came without a checkpointer; "
					+ "the consumer binding must use checkpoint mode MANUAL (do not override "
					+ "spring.cloud.stream.eventhubs.bindings.<function>-in-0.consumer.checkpoint.mode)");
		}
		Object partition = headers.get(AzureHeaders.RAW_PARTITION_ID);
		List<Record> records = new ArrayList<>();
		if (message.getPayload() instanceof List<?> payloads) {
			List<?> offsets = list(headers.get(EventHubsHeaders.BATCH_CONVERTED_OFFSET));
			List<?> sequences = list(headers.get(EventHubsHeaders.BATCH_CONVERTED_SEQUENCE_NUMBER));
			List<?> properties = list(headers.get(EventHubsHeaders.BATCH_CONVERTED_APPLICATION_PROPERTIES));
			for (int i = 0; i < payloads.size(); i++) {
				Object own = (i < properties.size()) ? properties.get(i) : null;
				records.add(record(payloads.get(i), trigger.destination(), partition, at(offsets, i), at(sequences, i),
						(own instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of()));
			}
		}
		else {
			records.add(record(message.getPayload(), trigger.destination(), partition,
					headers.get(EventHubsHeaders.OFFSET), headers.get(EventHubsHeaders.SEQUENCE_NUMBER), headers));
		}
		return new EventHubsDelivery(records, checkpointer, deadLetters, trigger.destination());
	}

	public static Record record(Object payload, String eventHub, Object partition, Object offset, Object sequenceNumber,
			Map<String, Object> headers) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("eventHub", eventHub);
		metadata.put("partition", partition);
		metadata.put("offset", offset);
		metadata.put("sequenceNumber", sequenceNumber);
		metadata.put("headers", StreamHeaders.asStrings(headers, EventHubsDelivery::isApplicationHeader));
		byte[] body = (payload instanceof byte[] bytes) ? bytes : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
		return new Record(body, metadata);
	}

	static boolean isApplicationHeader(String name) {
		return !name.startsWith("azure_") && !name.equals(MessageHeaders.ID) && !name.equals(MessageHeaders.TIMESTAMP)
				&& !name.equals(MessageHeaders.CONTENT_TYPE) && !name.startsWith("scst_");
	}

	private static List<?> list(Object value) {
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
		// events come once: their attempts are counted in place
		return 1;
	}

	@Override
	public void complete() {
		this.checkpointer.success().block(Duration.ofMinutes(1));
	}

	@Override
	public boolean redeliver(Duration delay) {
		return false;
	}

	@Override
	public boolean deadLetter(int index, DeadLetter deadLetter) {
		Record record = this.records.get(index);
		@SuppressWarnings("unchecked")
		Map<String, String> original = (Map<String, String>) record.metadata().get("headers");
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.payload())
			.copyHeaders(original)
			.setHeader(StreamHeaders.REASON, deadLetter.reason())
			.setHeader(StreamHeaders.FUNCTION, deadLetter.function())
			.setHeader(StreamHeaders.ATTEMPTS, String.valueOf(deadLetter.attempts()))
			.setHeader(StreamHeaders.INVOCATION_ID, deadLetter.invocationId())
			.setHeader(StreamHeaders.ORIGINAL_DESTINATION, this.eventHub)
			.setHeader("x-original-partition", String.valueOf(record.metadata().get("partition")))
			.setHeader("x-original-offset", String.valueOf(record.metadata().get("offset")));
		if (!this.deadLetters.send(message.build())) {
			throw new IllegalStateException("The dead-letter producer did not take the event");
		}
		return true;
	}

}
