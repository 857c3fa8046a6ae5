package dev.funcboot.trigger.storagequeue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.OutputSender;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.InvocationResult;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueAcknowledgment;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueHeaders;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Runs a batch function ({@code List<T>} input) once per polled batch. Messages that do not
 * decode go to the poison queue on their own, before the call; the others share the invocation's
 * fate: all deleted after success, all dead-lettered for a {@code PoisonMessageException} (throw
 * it only when the whole batch is bad), each retried (or dead-lettered on its last attempt, by its
 * own dequeue count) for a retryable failure. The attempt is the highest dequeue count.
 */
final class QueueBatchHandler implements MessageHandler {

	private final FunctionBinding binding;

	private final FunctionHandle handle;

	private final InvocationPipeline pipeline;

	private final QueueInputDecoder decoder;

	private final OutputSender outputs;

	private final QueueSettlement settlement;

	QueueBatchHandler(FunctionHandle handle, InvocationPipeline pipeline, QueueInputDecoder decoder,
			OutputSender outputs, QueueSettlement settlement) {
		this.binding = handle.binding();
		this.handle = handle;
		this.pipeline = pipeline;
		this.decoder = decoder;
		this.outputs = outputs;
		this.settlement = settlement;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void handleMessage(Message<?> message) {
		List<StorageQueueAcknowledgment> acknowledgments = message.getHeaders()
			.get(StorageQueueHeaders.ACKNOWLEDGMENTS, List.class);
		if (acknowledgments == null) {
			throw new IllegalStateException("Batch queue function '" + this.binding.name()
					+ "' got a message without storagequeue acknowledgments; its binding must be in batch mode");
		}
		acknowledgments.forEach(StorageQueueAcknowledgment::noAutoAck);
		String queue = message.getHeaders().get(StorageQueueHeaders.QUEUE, String.class);
		List<byte[]> payloads = (List<byte[]>) message.getPayload();
		List<Object> inputs = new ArrayList<>();
		List<StorageQueueAcknowledgment> invoked = new ArrayList<>();
		for (int i = 0; i < payloads.size(); i++) {
			StorageQueueAcknowledgment acknowledgment = acknowledgments.get(i);
			try {
				inputs.add(this.decoder.decode(payloads.get(i), QueueInputDecoder.Metadata.of(acknowledgment, queue)));
				invoked.add(acknowledgment);
			}
			catch (InputConversionException ex) {
				acknowledgment.deadLetter(ex.getClass().getName() + ": " + ex.getMessage());
			}
		}
		if (invoked.isEmpty()) {
			return;
		}
		long attempt = invoked.stream().mapToLong(StorageQueueAcknowledgment::dequeueCount).max().orElse(1);
		InvocationContext context = new InvocationContext(InvocationIds.next(), this.binding.name(),
				QueueTriggerBinding.TYPE, triggerMetadata(queue, invoked), null, QueueTriggerHandler.attempt(attempt));
		InvocationResult result = this.pipeline.invoke(context, this.binding.policy(),
				(ctx) -> QueueTriggerHandler.callAndSend(this.handle, inputs, this.outputs));
		invoked.forEach((acknowledgment) -> this.settlement.settle(acknowledgment, result));
	}

	private static Map<String, Object> triggerMetadata(String queue, List<StorageQueueAcknowledgment> messages) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("queue", queue);
		map.put("batchSize", messages.size());
		map.put("ids", messages.stream().map(StorageQueueAcknowledgment::messageId).toList());
		map.put("dequeueCounts", messages.stream().map(StorageQueueAcknowledgment::dequeueCount).toList());
		return map;
	}

}
