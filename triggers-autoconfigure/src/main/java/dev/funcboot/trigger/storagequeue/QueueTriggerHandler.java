package dev.funcboot.trigger.storagequeue;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.OutputSendException;
import dev.funcboot.autoconfigure.OutputSender;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.TraceContext;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.InvocationResult;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueAcknowledgment;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueHeaders;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Runs one queue function for each message the binder delivers: one attempt through the
 * invocation pipeline (trigger {@code queue}, attempt = dequeue count, decoding inside the attempt
 * so that undecodable input is a poison outcome), then sends the outputs and settles the message
 * itself ({@link QueueSettlement}). Never throws.
 */
final class QueueTriggerHandler implements MessageHandler {

	private final FunctionBinding binding;

	private final FunctionHandle handle;

	private final InvocationPipeline pipeline;

	private final QueueInputDecoder decoder;

	private final OutputSender outputs;

	private final QueueSettlement settlement;

	QueueTriggerHandler(FunctionHandle handle, InvocationPipeline pipeline, QueueInputDecoder decoder,
			OutputSender outputs, QueueSettlement settlement) {
		this.binding = handle.binding();
		this.handle = handle;
		this.pipeline = pipeline;
		this.decoder = decoder;
		this.outputs = outputs;
		this.settlement = settlement;
	}

	@Override
	public void handleMessage(Message<?> message) {
		StorageQueueAcknowledgment acknowledgment = message.getHeaders()
			.get(StorageQueueHeaders.ACKNOWLEDGMENT, StorageQueueAcknowledgment.class);
		if (acknowledgment == null) {
			throw new IllegalStateException("Queue function '" + this.binding.name()
					+ "' got a message without a storagequeue acknowledgment; it must come from the storagequeue binder");
		}
		acknowledgment.noAutoAck();
		QueueInputDecoder.Metadata metadata = QueueInputDecoder.Metadata.of(acknowledgment,
				message.getHeaders().get(StorageQueueHeaders.QUEUE, String.class));
		InvocationContext context = new InvocationContext(InvocationIds.next(), this.binding.name(),
				QueueTriggerBinding.TYPE, triggerMetadata(metadata, message), null, attempt(metadata.dequeueCount()));
		byte[] payload = (byte[]) message.getPayload();
		InvocationResult result = this.pipeline.invoke(context, this.binding.policy(),
				(ctx) -> callAndSend(this.handle, this.decoder.decode(payload, metadata), this.outputs));
		this.settlement.settle(acknowledgment, result);
	}

	/**
	 * Calls the function and sends its result to the outputs, inside the invocation (its trace,
	 * its timeout): a failed send fails the invocation, so the message is retried, not lost.
	 */
	static Object callAndSend(FunctionHandle handle, Object input, OutputSender outputs) {
		Object value = handle.call(input);
		OutputSendException.send(handle.binding().name(), outputs, value);
		return value;
	}

	static int attempt(long dequeueCount) {
		return (int) Math.max(1, Math.min(dequeueCount, Integer.MAX_VALUE));
	}

	private static Map<String, Object> triggerMetadata(QueueInputDecoder.Metadata metadata, Message<?> message) {
		Map<String, Object> map = new LinkedHashMap<>();
		// from a trace envelope: the pipeline continues the sender's trace
		for (String key : new String[] { TraceContext.TRACEPARENT, TraceContext.TRACESTATE }) {
			Object value = message.getHeaders().get(key);
			if (value != null) {
				map.put(key, value.toString());
			}
		}
		map.put("id", metadata.id());
		map.put("queue", metadata.queue());
		map.put("dequeueCount", metadata.dequeueCount());
		map.put("insertionTime", metadata.insertionTime());
		map.put("expirationTime", metadata.expirationTime());
		return map;
	}

}
