package dev.funcboot.trigger.storagequeue.binder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.azure.core.util.Context;
import com.azure.storage.queue.QueueClient;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Moves messages that cannot be processed to {@code <queue>-poison}, wrapped in a
 * {@link PoisonEnvelope} written with the binding's message encoding (so a function bound to the
 * poison queue with the same settings reads it). Poison messages never expire. An envelope that
 * would exceed the service's 64 KiB limit is replaced by the original text alone, as Azure
 * Functions does; the reason then only goes to the log.
 */
final class PoisonQueueRouter {

	/** The service's limit on the text of one message. */
	static final int MAX_MESSAGE_CHARS = 64 * 1024;

	/** Time to live that means "never expires". */
	private static final Duration NEVER = Duration.ofSeconds(-1);

	private static final Log logger = LogFactory.getLog(PoisonQueueRouter.class);

	private final QueueClient poisonQueue;

	private final MessageEncoding encoding;

	private final Clock clock;

	private volatile boolean created;

	PoisonQueueRouter(QueueClient poisonQueue, MessageEncoding encoding, Clock clock) {
		this.poisonQueue = poisonQueue;
		this.encoding = encoding;
		this.clock = clock;
	}

	String queueName() {
		return this.poisonQueue.getQueueName();
	}

	/** Sends the message's envelope; throws when the poison queue cannot take it. */
	void send(LeasedMessage message, String reason, String function) {
		PoisonEnvelope envelope = PoisonEnvelope.of(reason, function, message.queueName(), message.id(),
				message.dequeueCount(), message.insertionTime(), this.clock.instant(), this.encoding, message.text());
		String text = MessageCodec.encode(this.encoding, envelope.toJson().getBytes(StandardCharsets.UTF_8));
		if (text.length() > MAX_MESSAGE_CHARS) {
			logger.error("Message " + message.id() + " of queue '" + message.queueName() + "' is poison (" + reason
					+ "); its envelope would exceed 64 KiB, so '" + queueName() + "' gets the original text only");
			text = message.text();
		}
		if (!this.created) {
			this.poisonQueue.createIfNotExists();
			this.created = true;
		}
		this.poisonQueue.sendMessageWithResponse(text, null, NEVER, null, Context.NONE);
	}

}
