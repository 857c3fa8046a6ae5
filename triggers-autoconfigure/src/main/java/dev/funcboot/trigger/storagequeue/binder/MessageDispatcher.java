package dev.funcboot.trigger.storagequeue.binder;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;

/**
 * Turns a leased queue message into a Spring message on the binding's channel and settles it
 * unless the handler took that over: messages dequeued more often than {@code max-dequeue-count}
 * (their consumers crashed or lost the lease) and text that does not decode go to the poison queue
 * without reaching the handler; a handler that returns completes the message; one that throws
 * retries it after the visibility timeout, or dead-letters it on its last attempt.
 */
final class MessageDispatcher {

	private static final Log logger = LogFactory.getLog(MessageDispatcher.class);

	private final MessageChannel channel;

	private final StorageQueueConsumerProperties properties;

	private final PoisonQueueRouter poison;

	private final SettlementCounts counts;

	private final String consumer;

	private final ScheduledExecutorService leases;

	MessageDispatcher(MessageChannel channel, StorageQueueConsumerProperties properties, PoisonQueueRouter poison,
			SettlementCounts counts, String consumer, ScheduledExecutorService leases) {
		this.channel = channel;
		this.properties = properties;
		this.poison = poison;
		this.counts = counts;
		this.consumer = consumer;
		this.leases = leases;
	}

	/** Takes over a received message: its lease is renewed until it is settled. */
	StorageQueueAcknowledgment lease(QueueClient queue, QueueMessageItem item) {
		LeasedMessage message = new LeasedMessage(queue, item);
		message.keepLeased(this.leases, this.properties.getLease());
		return new StorageQueueAcknowledgment(message, this.poison, this.counts,
				this.properties.getVisibilityTimeout(), this.consumer);
	}

	void dispatch(StorageQueueAcknowledgment acknowledgment) {
		LeasedMessage leased = acknowledgment.message();
		int maxDequeueCount = this.properties.getMaxDequeueCount();
		if (leased.dequeueCount() > maxDequeueCount) {
			acknowledgment.deadLetter("dequeued " + leased.dequeueCount() + " times, more than max-dequeue-count "
					+ maxDequeueCount + ": earlier attempts never settled it (the consumer stopped, crashed or "
					+ "outran its lease)");
			return;
		}
		byte[] payload;
		try {
			payload = MessageCodec.decode(this.properties.getMessageEncoding(), leased.text());
		}
		catch (IllegalArgumentException ex) {
			acknowledgment.deadLetter(ex.getMessage());
			return;
		}
		Message<byte[]> message = MessageBuilder.withPayload(payload)
			.setHeader(StorageQueueHeaders.MESSAGE_ID, leased.id())
			.setHeader(StorageQueueHeaders.DEQUEUE_COUNT, leased.dequeueCount())
			.setHeader(StorageQueueHeaders.INSERTION_TIME, leased.insertionTime())
			.setHeader(StorageQueueHeaders.EXPIRATION_TIME, leased.expirationTime())
			.setHeader(StorageQueueHeaders.QUEUE, leased.queueName())
			.setHeader(StorageQueueHeaders.ACKNOWLEDGMENT, acknowledgment)
			.setHeader(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK, acknowledgment)
			.setHeader(IntegrationMessageHeaderAccessor.DELIVERY_ATTEMPT,
					new AtomicInteger((int) leased.dequeueCount()))
			.build();
		try {
			this.channel.send(message);
			if (acknowledgment.isAutoAck()) {
				acknowledgment.complete();
			}
		}
		catch (RuntimeException ex) {
			if (acknowledgment.isAutoAck()) {
				settleFailure(acknowledgment, leased, ex);
			}
			else {
				logger.debug("Handler of queue '" + leased.queueName() + "' failed after taking over settlement", ex);
			}
		}
		finally {
			if (!acknowledgment.isAcknowledged()) {
				logger.warn("The handler of queue '" + leased.queueName() + "' took over the settlement of message "
						+ leased.id() + " but did not settle it; it returns when its lease ends");
				acknowledgment.abandon();
			}
		}
	}

	/** The handler's own exception, not the messaging wrappers around it, without the payload. */
	static String reason(Throwable ex) {
		Throwable cause = ex;
		while (cause instanceof MessagingException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getClass().getName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	private void settleFailure(StorageQueueAcknowledgment acknowledgment, LeasedMessage leased, RuntimeException ex) {
		String reason = reason(ex);
		if (leased.dequeueCount() >= this.properties.getMaxDequeueCount()) {
			acknowledgment.deadLetter("failed " + leased.dequeueCount() + " times (max-dequeue-count): " + reason);
		}
		else {
			logger.warn("Message " + leased.id() + " of queue '" + leased.queueName() + "' failed (attempt "
					+ leased.dequeueCount() + "); retrying after " + this.properties.getVisibilityTimeout(), ex);
			acknowledgment.retry(this.properties.getVisibilityTimeout());
		}
	}

}
