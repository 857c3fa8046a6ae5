package dev.funcboot.trigger.storagequeue.binder;

import java.util.ArrayList;
import java.util.List;
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
 * Turns leased queue messages into Spring messages on the binding's channel, one by one or, in
 * batch mode, as one {@code List<byte[]>}, and settles them unless the handler took that over:
 * messages dequeued more often than {@code max-dequeue-count} (their consumers crashed or lost the
 * lease) and text that does not decode go to the poison queue without reaching the handler; a
 * handler that returns completes its messages; one that throws retries each after the visibility
 * timeout, or dead-letters it on its last attempt.
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
		byte[] payload = admit(acknowledgment);
		if (payload == null) {
			return;
		}
		LeasedMessage leased = acknowledgment.message();
		TraceEnvelope envelope = TraceEnvelope.unwrap(payload);
		send(MessageBuilder.withPayload((envelope != null) ? envelope.payload() : payload)
			.copyHeadersIfAbsent((envelope != null) ? envelope.headers() : java.util.Map.of())
			.setHeader(StorageQueueHeaders.MESSAGE_ID, leased.id())
			.setHeader(StorageQueueHeaders.DEQUEUE_COUNT, leased.dequeueCount())
			.setHeader(StorageQueueHeaders.INSERTION_TIME, leased.insertionTime())
			.setHeader(StorageQueueHeaders.EXPIRATION_TIME, leased.expirationTime())
			.setHeader(StorageQueueHeaders.QUEUE, leased.queueName())
			.setHeader(StorageQueueHeaders.ACKNOWLEDGMENT, acknowledgment)
			.setHeader(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK, acknowledgment)
			.setHeader(IntegrationMessageHeaderAccessor.DELIVERY_ATTEMPT, new AtomicInteger((int) leased.dequeueCount()))
			.build(), List.of(acknowledgment));
	}

	/** Batch mode: the admitted messages of a poll as one {@code List<byte[]>}. */
	void dispatchBatch(List<StorageQueueAcknowledgment> batch) {
		List<StorageQueueAcknowledgment> admitted = new ArrayList<>();
		List<byte[]> payloads = new ArrayList<>();
		for (StorageQueueAcknowledgment acknowledgment : batch) {
			byte[] payload = admit(acknowledgment);
			if (payload != null) {
				admitted.add(acknowledgment);
				// a batch has no per-message headers; the function sees the payloads
				TraceEnvelope envelope = TraceEnvelope.unwrap(payload);
				payloads.add((envelope != null) ? envelope.payload() : payload);
			}
		}
		if (!admitted.isEmpty()) {
			send(MessageBuilder.withPayload(payloads)
				.setHeader(StorageQueueHeaders.QUEUE, admitted.get(0).message().queueName())
				.setHeader(StorageQueueHeaders.ACKNOWLEDGMENTS, List.copyOf(admitted))
				.build(), admitted);
		}
	}

	/** The payload of a message the handler may see, or {@code null} when it was dead-lettered. */
	private byte[] admit(StorageQueueAcknowledgment acknowledgment) {
		LeasedMessage leased = acknowledgment.message();
		int maxDequeueCount = this.properties.getMaxDequeueCount();
		if (leased.dequeueCount() > maxDequeueCount) {
			acknowledgment.deadLetter("dequeued " + leased.dequeueCount() + " times, more than max-dequeue-count "
					+ maxDequeueCount + ": earlier attempts never settled it (the consumer stopped, crashed or "
					+ "outran its lease)");
			return null;
		}
		try {
			return MessageCodec.decode(this.properties.getMessageEncoding(), leased.text());
		}
		catch (IllegalArgumentException ex) {
			acknowledgment.deadLetter(ex.getMessage());
			return null;
		}
	}

	private void send(Message<?> message, List<StorageQueueAcknowledgment> acknowledgments) {
		RuntimeException failure = null;
		try {
			this.channel.send(message);
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		for (StorageQueueAcknowledgment acknowledgment : acknowledgments) {
			if (acknowledgment.isAutoAck()) {
				if (failure == null) {
					acknowledgment.complete();
				}
				else {
					settleFailure(acknowledgment, failure);
				}
			}
			else if (!acknowledgment.isAcknowledged()) {
				logger.warn("The handler of queue '" + acknowledgment.message().queueName() + "' took over the "
						+ "settlement of message " + acknowledgment.messageId() + " but did not settle it; it returns "
						+ "when its lease ends", failure);
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

	private void settleFailure(StorageQueueAcknowledgment acknowledgment, RuntimeException ex) {
		LeasedMessage leased = acknowledgment.message();
		if (leased.dequeueCount() >= this.properties.getMaxDequeueCount()) {
			acknowledgment.deadLetter("failed " + leased.dequeueCount() + " times (max-dequeue-count): " + reason(ex));
		}
		else {
			logger.warn("Message " + leased.id() + " of queue '" + leased.queueName() + "' failed (attempt "
					+ leased.dequeueCount() + "); retrying after " + this.properties.getVisibilityTimeout(), ex);
			acknowledgment.retry(this.properties.getVisibilityTimeout());
		}
	}

}
