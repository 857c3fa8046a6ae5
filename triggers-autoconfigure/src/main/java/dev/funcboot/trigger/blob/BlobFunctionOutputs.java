package dev.funcboot.trigger.blob;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.queue.QueueClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.OutputPayloads;
import dev.funcboot.autoconfigure.TraceHeaders;
import dev.funcboot.functions.binding.BlobOutputBinding;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.trigger.storagequeue.binder.MessageCodec;
import dev.funcboot.trigger.storagequeue.binder.QueueClientProvider;
import dev.funcboot.trigger.storagequeue.binder.TraceEnvelope;

/**
 * Sends a blob function's result to its outputs, synchronously, so a failure fails the invocation
 * and the blob is retried: each blob output gets the whole result as one blob (its path expanded
 * with the trigger's values), {@code byte[]} as is, a {@code String} as UTF-8 text, anything else
 * as JSON; each queue output gets one message per value, one per element of a {@code Collection},
 * written like the queue trigger's outputs, in a {@link TraceEnvelope} with the invocation's trace
 * when {@code funcboot.queue.trace-envelope} is on (called inside the invocation, whose span is
 * then current). Nothing for {@code null}.
 */
final class BlobFunctionOutputs {

	/** The service's limit on the text of one queue message. */
	private static final int MAX_MESSAGE_CHARS = 64 * 1024;

	private final List<BlobOutputBinding> blobs;

	private final List<QueueOutputBinding> queues;

	private final BlobServiceClients blobClients;

	private final QueueClientProvider queueClients;

	private final MessageEncoding encoding;

	private final ObjectMapper mapper;

	private final boolean create;

	private final boolean traceEnvelope;

	private final TraceHeaders traceHeaders;

	private final Set<String> created = ConcurrentHashMap.newKeySet();

	/**
	 * @param function the function, for errors
	 * @param triggerValues the names of the trigger path's values: every blob output path may use
	 * them (and {@code rand-guid})
	 * @throws IllegalStateException naming the function and the value, for an output path that uses
	 * a value the trigger does not give
	 */
	BlobFunctionOutputs(String function, Collection<String> triggerValues, List<BlobOutputBinding> blobs,
			List<QueueOutputBinding> queues, BlobServiceClients blobClients, QueueClientProvider queueClients,
			MessageEncoding encoding, ObjectMapper mapper, boolean create, boolean traceEnvelope,
			TraceHeaders traceHeaders) {
		for (BlobOutputBinding blob : blobs) {
			if (blob.path().blobPattern().isEmpty()) {
				throw new IllegalStateException("Function '" + function + "': blob output path '" + blob.path()
						+ "' names no blob; write 'container/name', e.g. 'processed/{name}.txt'");
			}
			for (String name : blob.path().names()) {
				if (!triggerValues.contains(name) && !BlobOutputBinding.RANDOM_GUID.equals(name)) {
					throw new IllegalStateException("Function '" + function + "': blob output path '" + blob.path()
							+ "' uses {" + name + "}, but the trigger's path gives only " + triggerValues
							+ " (and {rand-guid}); use one of those or add {" + name + "} to the trigger's path");
				}
			}
		}
		this.blobs = List.copyOf(blobs);
		this.queues = List.copyOf(queues);
		this.blobClients = blobClients;
		this.queueClients = queueClients;
		this.encoding = encoding;
		this.mapper = mapper;
		this.create = create;
		this.traceEnvelope = traceEnvelope;
		this.traceHeaders = traceHeaders;
	}

	boolean isEmpty() {
		return this.blobs.isEmpty() && this.queues.isEmpty();
	}

	void send(Object result, Map<String, String> pathValues) {
		if (result == null) {
			return;
		}
		for (BlobOutputBinding blob : this.blobs) {
			write(blob, result, pathValues);
		}
		if (this.queues.isEmpty()) {
			return;
		}
		Collection<?> values = (result instanceof Collection<?> collection) ? collection : List.of(result);
		Map<String, String> trace = this.traceEnvelope ? this.traceHeaders.current() : Map.of();
		for (QueueOutputBinding output : this.queues) {
			QueueClient queue = this.queueClients.queue(output.connection(), output.queue());
			if (this.create && this.created.add("queue:" + output.connection() + "/" + output.queue())) {
				queue.createIfNotExists();
			}
			for (Object value : values) {
				if (value != null) {
					String text = MessageCodec.encode(this.encoding, TraceEnvelope.wrap(payload(value), trace));
					if (text.length() > MAX_MESSAGE_CHARS) {
						throw new IllegalStateException("A message for queue '" + output.queue() + "' would be "
								+ text.length() + " characters, more than the service's 64 KiB limit");
					}
					queue.sendMessage(text);
				}
			}
		}
	}

	private void write(BlobOutputBinding output, Object result, Map<String, String> pathValues) {
		Map<String, String> values = new HashMap<>(pathValues);
		values.put(BlobOutputBinding.RANDOM_GUID, UUID.randomUUID().toString());
		String name = output.path().expand(values);
		BlobContainerClient container = this.blobClients.serviceClient(output.connection())
			.getBlobContainerClient(output.path().container());
		if (this.create && this.created.add("blob:" + output.connection() + "/" + output.path().container())) {
			container.createIfNotExists();
		}
		String contentType = (result instanceof byte[]) ? "application/octet-stream"
				: (result instanceof String) ? "text/plain; charset=utf-8" : "application/json";
		container.getBlobClient(name)
			.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(payload(result)))
				.setHeaders(new BlobHttpHeaders().setContentType(contentType)), null, Context.NONE);
	}

	private byte[] payload(Object value) {
		return OutputPayloads.bytes(value, this.mapper, "the output");
	}

}
