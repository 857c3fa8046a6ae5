package dev.funcboot.trigger.storagequeue;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.functions.pipeline.InvocationOutcome;
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

	private final QueueOutputSender outputs;

	private final QueueSettlement settlement;

	QueueTriggerHandler(FunctionHandle handle, InvocationPipeline pipeline, QueueInputDecoder decoder,
			QueueOutputSender outputs, QueueSettlement settlement) {
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
				QueueTriggerBinding.TYPE, triggerMetadata(metadata), null, attempt(metadata.dequeueCount()));
		byte[] payload = (byte[]) message.getPayload();
		InvocationResult result = this.pipeline.invoke(context, this.binding.policy(),
				(ctx) -> this.handle.call(this.decoder.decode(payload, metadata)));
		this.settlement.settle(acknowledgment, sendOutputs(result, this.outputs));
	}

	/** The result, or a retryable failure when its outputs could not be sent. */
	static InvocationResult sendOutputs(InvocationResult result, QueueOutputSender outputs) {
		if (!result.isSuccess()) {
			return result;
		}
		try {
			outputs.send(result.value());
			return result;
		}
		catch (RuntimeException ex) {
			return new InvocationResult(result.context(), InvocationOutcome.FAILURE, null, ex, result.attempts(), false);
		}
	}

	static int attempt(long dequeueCount) {
		return (int) Math.max(1, Math.min(dequeueCount, Integer.MAX_VALUE));
	}

	private static Map<String, Object> triggerMetadata(QueueInputDecoder.Metadata metadata) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", metadata.id());
		map.put("queue", metadata.queue());
		map.put("dequeueCount", metadata.dequeueCount());
		map.put("insertionTime", metadata.insertionTime());
		map.put("expirationTime", metadata.expirationTime());
		return map;
	}

}
