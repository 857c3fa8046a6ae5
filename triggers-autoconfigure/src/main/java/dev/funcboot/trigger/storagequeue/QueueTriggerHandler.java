package dev.funcboot.trigger.storagequeue;

import java.time.Duration;
import java.time.Instant;
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
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Runs one queue function for each message the binder delivers: one attempt through the
 * invocation pipeline (trigger {@code queue}, attempt = dequeue count), then settles the message
 * itself. Success sends the outputs and deletes the message; a poison outcome (undecodable input,
 * {@code PoisonMessageException}) dead-letters it at once; a retryable one makes it visible again
 * after the retry delay, or dead-letters it when no attempt is left. Never throws.
 */
final class QueueTriggerHandler implements MessageHandler {

	private static final Log logger = LogFactory.getLog(QueueTriggerHandler.class);

	private final FunctionBinding binding;

	private final FunctionHandle handle;

	private final InvocationPipeline pipeline;

	private final QueueInputDecoder decoder;

	private final QueueOutputSender outputs;

	private final QueueRetries retries;

	QueueTriggerHandler(FunctionHandle handle, InvocationPipeline pipeline, QueueInputDecoder decoder,
			QueueOutputSender outputs, QueueRetries retries) {
		this.binding = handle.binding();
		this.handle = handle;
		this.pipeline = pipeline;
		this.decoder = decoder;
		this.outputs = outputs;
		this.retries = retries;
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
		long dequeueCount = acknowledgment.dequeueCount();
		InvocationContext context = new InvocationContext(InvocationIds.next(), this.binding.name(),
				QueueTriggerBinding.TYPE, metadata(message), null, (int) Math.max(1, Math.min(dequeueCount, Integer.MAX_VALUE)));
		byte[] payload = (byte[]) message.getPayload();
		InvocationResult result = this.pipeline.invoke(context, this.binding.policy(),
				(ctx) -> this.handle.call(this.decoder.decode(payload, message.getHeaders())));
		if (result.isSuccess()) {
			try {
				this.outputs.send(result.value());
			}
			catch (RuntimeException ex) {
				result = new InvocationResult(result.context(), InvocationOutcome.FAILURE, null, ex, result.attempts(),
						false);
			}
		}
		settle(acknowledgment, result, dequeueCount);
	}

	private void settle(StorageQueueAcknowledgment acknowledgment, InvocationResult result, long attempt) {
		String invocation = " (invocation " + result.context().invocationId() + ", message "
				+ result.context().triggerMetadata().get("id") + ")";
		if (result.isSuccess()) {
			acknowledgment.complete();
		}
		else if (result.outcome() == InvocationOutcome.POISON) {
			acknowledgment.deadLetter(result.reason());
		}
		else if (this.retries.allowsAttemptAfter(attempt)) {
			Duration delay = this.retries.delayAfter(attempt);
			logger.warn("Queue function '" + this.binding.name() + "' attempt " + attempt + " of "
					+ this.retries.maxAttempts() + " ended " + result.outcome().tag() + invocation + "; retrying in "
					+ delay + ": " + result.reason(), result.error());
			acknowledgment.retry(delay);
		}
		else {
			InvocationResult exhausted = new InvocationResult(result.context(), InvocationOutcome.POISON, null,
					result.error(), (int) attempt, true);
			logger.error("Queue function '" + this.binding.name() + "' gave up" + invocation + ": "
					+ exhausted.reason(), result.error());
			acknowledgment.deadLetter(exhausted.reason());
		}
	}

	private static Map<String, Object> metadata(Message<?> message) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("id", message.getHeaders().get(StorageQueueHeaders.MESSAGE_ID));
		metadata.put("queue", message.getHeaders().get(StorageQueueHeaders.QUEUE));
		metadata.put("dequeueCount", message.getHeaders().get(StorageQueueHeaders.DEQUEUE_COUNT));
		metadata.put("insertionTime", message.getHeaders().get(StorageQueueHeaders.INSERTION_TIME, Instant.class));
		metadata.put("expirationTime", message.getHeaders().get(StorageQueueHeaders.EXPIRATION_TIME, Instant.class));
		return metadata;
	}

}
