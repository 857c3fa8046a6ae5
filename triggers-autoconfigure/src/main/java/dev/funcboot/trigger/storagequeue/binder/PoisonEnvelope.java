package dev.funcboot.trigger.storagequeue.binder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;

/**
 * What the poison queue receives instead of the bare message: the original message text, exactly
 * as it was in the source queue, wrapped in a JSON object that says why it could not be processed.
 * To replay a message, send {@code body} unchanged (without encoding it again) to {@code queue}.
 *
 * <pre>{"type":"funcboot.poison","reason":"...","function":"orders","queue":"orders",
 *  "messageId":"...","dequeueCount":5,"insertionTime":"...","poisonedAt":"...",
 *  "bodyEncoding":"base64","body":"eyJpZCI6NDJ9"}</pre>
 *
 * @param type always {@link #TYPE}, so tools recognise envelopes
 * @param reason why the message is poison (the exception, or "retries exhausted after ..."); never
 * contains the payload
 * @param function the function (the binding's group) that gave up on it, or {@code null}
 * @param queue the queue it came from
 * @param messageId its id in that queue
 * @param dequeueCount how many times it was received, i.e. attempts made
 * @param insertionTime when it was added to that queue
 * @param poisonedAt when it was moved to the poison queue
 * @param bodyEncoding how {@code body} encodes the payload ({@code base64} or {@code none})
 * @param body the original message text, unchanged
 */
@JsonPropertyOrder({ "type", "reason", "function", "queue", "messageId", "dequeueCount", "insertionTime",
		"poisonedAt", "bodyEncoding", "body" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoisonEnvelope(String type, String reason, String function, String queue, String messageId,
		long dequeueCount, Instant insertionTime, Instant poisonedAt, String bodyEncoding, String body) {

	/** Value of {@link #type()}. */
	public static final String TYPE = "funcboot.poison";

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	public static PoisonEnvelope of(String reason, String function, String queue, String messageId,
			long dequeueCount, Instant insertionTime, Instant poisonedAt, MessageEncoding encoding, String body) {
		return new PoisonEnvelope(TYPE, reason, function, queue, messageId, dequeueCount, insertionTime, poisonedAt,
				encoding.name().toLowerCase(java.util.Locale.ROOT), body);
	}

	public String toJson() {
		try {
			return MAPPER.writeValueAsString(this);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads an envelope, e.g. from a poison queue message decoded with the binding's encoding. */
	public static PoisonEnvelope fromJson(String json) {
		try {
			return MAPPER.readValue(json, PoisonEnvelope.class);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Not a poison envelope: " + ex.getMessage(), ex);
		}
	}

}
