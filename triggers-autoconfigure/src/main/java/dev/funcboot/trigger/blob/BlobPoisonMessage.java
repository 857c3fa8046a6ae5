package dev.funcboot.trigger.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What the blob trigger's poison queue receives for a blob version that cannot be processed: the
 * blob is named, not copied (it stays where it is). To process it again, write it again (a new
 * ETag triggers the function).
 *
 * <pre>{"type":"funcboot.blob.poison","reason":"retries exhausted after 5 attempts: ...","function":"split",
 *  "container":"uploads","blobName":"orders.csv","etag":"\"0x8DC...\"","attempts":5,"poisonedAt":"..."}</pre>
 *
 * <p>Azure Functions sends {@code {"Type":"BlobTrigger","FunctionId":...,"ContainerName":...,
 * "BlobName":...,"ETag":...}} to the same queue; this message carries the same facts, in the shape
 * of Funcboot's queue poison envelope, with the reason and the attempt count added.
 *
 * @param type always {@link #TYPE}
 * @param reason why the blob is poison (the exception, or "retries exhausted after ..."); never
 * contains the content
 * @param function the function that gave up on it
 * @param container the blob's container
 * @param blobName the blob's name
 * @param etag the ETag of the version that failed
 * @param attempts how many attempts ran
 * @param poisonedAt when it was given up
 */
@JsonPropertyOrder({ "type", "reason", "function", "container", "blobName", "etag", "attempts", "poisonedAt" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobPoisonMessage(String type, String reason, String function, String container, String blobName,
		String etag, int attempts, Instant poisonedAt) {

	/** Value of {@link #type()}. */
	public static final String TYPE = "funcboot.blob.poison";

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	public String toJson() {
		try {
			return MAPPER.writeValueAsString(this);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads a message, e.g. from the poison queue, decoded with the queue's message encoding. */
	public static BlobPoisonMessage fromJson(String json) {
		try {
			return MAPPER.readValue(json, BlobPoisonMessage.class);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Not a blob poison message: " + ex.getMessage(), ex);
		}
	}

}
