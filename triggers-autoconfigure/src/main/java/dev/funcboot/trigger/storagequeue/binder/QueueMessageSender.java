package dev.funcboot.trigger.storagequeue.binder;

import java.nio.charset.StandardCharsets;

import com.azure.core.util.Context;
import com.azure.storage.queue.QueueClient;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHandlingException;

/**
 * The producer side of a binding: sends each message's payload ({@code byte[]}, or a
 * {@code String} as UTF-8) to the queue, encoded as the binding says. Sends synchronously, so a
 * failure reaches the sender (and a triggering message is not settled as done).
 */
final class QueueMessageSender implements MessageHandler {

	private final QueueClient queue;

	private final StorageQueueProducerProperties properties;

	private volatile boolean created;

	QueueMessageSender(QueueClient queue, StorageQueueProducerProperties properties) {
		this.queue = queue;
		this.properties = properties;
	}

	@Override
	public void handleMessage(Message<?> message) {
		byte[] payload;
		if (message.getPayload() instanceof byte[] bytes) {
			payload = bytes;
		}
		else if (message.getPayload() instanceof String text) {
			payload = text.getBytes(StandardCharsets.UTF_8);
		}
		else {
			throw new MessageHandlingException(message, "The storagequeue binder sends byte[] or String payloads, not "
					+ message.getPayload().getClass().getName() + "; convert it first (e.g. to JSON bytes)");
		}
		if (this.properties.isTraceEnvelope()) {
			payload = TraceEnvelope.wrap(payload, message.getHeaders());
		}
		String text = MessageCodec.encode(this.properties.getMessageEncoding(), payload);
		if (text.length() > PoisonQueueRouter.MAX_MESSAGE_CHARS) {
			throw new MessageHandlingException(message, "A message for queue '" + this.queue.getQueueName()
					+ "' would be " + text.length() + " characters, more than the service's 64 KiB limit");
		}
		if (!this.created && this.properties.isCreateQueue()) {
			this.queue.createIfNotExists();
			this.created = true;
		}
		this.queue.sendMessageWithResponse(text, null, this.properties.getTimeToLive(), null, Context.NONE);
	}

}
