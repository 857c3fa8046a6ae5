package dev.funcboot.trigger.storagequeue.binder;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.funcboot.functions.binding.QueueOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.integration.acks.AcknowledgmentCallback;

/**
 * Settles one received message, once: {@link #complete()} deletes it, {@link #retry(Duration)}
 * makes it visible again later, {@link #deadLetter(String)} moves it to the poison queue with the
 * reason and then deletes it.
 *
 * <p>By default the binder settles for the handler: completed when the handler returns, retried
 * (or dead-lettered once the dequeue count reaches {@code max-dequeue-count}) when it throws. A
 * handler that calls {@link #noAutoAck()} settles itself. As a Spring Integration
 * {@link AcknowledgmentCallback}: {@code ACCEPT} completes, {@code REQUEUE} retries after the
 * binding's visibility timeout, {@code REJECT} dead-letters.
 *
 * <p>Settlement failures (the service unreachable, the lease lost) are logged and counted, never
 * thrown: the message then returns when its lease ends, so it is not lost.
 */
public final class StorageQueueAcknowledgment implements AcknowledgmentCallback {

	private static final Log logger = LogFactory.getLog(StorageQueueAcknowledgment.class);

	private final LeasedMessage message;

	private final PoisonQueueRouter poison;

	private final SettlementCounts counts;

	private final Duration retryDelay;

	private final String consumer;

	private final AtomicBoolean acknowledged = new AtomicBoolean();

	private volatile boolean autoAck = true;

	StorageQueueAcknowledgment(LeasedMessage message, PoisonQueueRouter poison, SettlementCounts counts,
			Duration retryDelay, String consumer) {
		this.message = message;
		this.poison = poison;
		this.counts = counts;
		this.retryDelay = retryDelay;
		this.consumer = consumer;
	}

	/** Deletes the message. Returns whether this call settled it. */
	public boolean complete() {
		return settle("complete", () -> {
			this.message.delete();
			this.counts.completed();
		});
	}

	/** Makes the message visible again after the delay (0 to 7 days); its dequeue count grows on the next receive. */
	public boolean retry(Duration delay) {
		Duration visibility = clamp(delay);
		return settle("retry", () -> {
			this.message.makeVisibleAfter(visibility);
			this.counts.retried();
		});
	}

	/**
	 * Sends the message to the poison queue in an envelope with the reason, then deletes it. When
	 * the poison queue cannot take it, the message stays (and returns after its lease).
	 */
	public boolean deadLetter(String reason) {
		return settle("dead-letter", () -> {
			this.poison.send(this.message, reason, this.consumer);
			this.message.delete();
			this.counts.deadLettered(reason);
			logger.warn("Moved message " + this.message.id() + " of queue '" + this.message.queueName() + "' to '"
					+ this.poison.queueName() + "' after " + this.message.dequeueCount() + " attempt(s): " + reason);
		});
	}

	LeasedMessage message() {
		return this.message;
	}

	/** How many times the message has been received, this delivery included. */
	public long dequeueCount() {
		return this.message.dequeueCount();
	}

	/** The message id, stable across deliveries. */
	public String messageId() {
		return this.message.id();
	}

	/** When the message was added to the queue. */
	public Instant insertionTime() {
		return this.message.insertionTime();
	}

	/** When the queue drops the message unless it is deleted before. */
	public Instant expirationTime() {
		return this.message.expirationTime();
	}

	@Override
	public void acknowledge(Status status) {
		switch (status) {
			case ACCEPT -> complete();
			case REQUEUE -> retry(this.retryDelay);
			case REJECT -> deadLetter("rejected by the consumer");
		}
	}

	@Override
	public boolean isAcknowledged() {
		return this.acknowledged.get();
	}

	@Override
	public void noAutoAck() {
		this.autoAck = false;
	}

	@Override
	public boolean isAutoAck() {
		return this.autoAck;
	}

	/** Releases an unsettled message for others at once (shutdown), without counting it. */
	void release() {
		settle("release", () -> this.message.makeVisibleAfter(Duration.ZERO));
	}

	/** Stops renewing an unsettled message; it returns when its lease ends. */
	void abandon() {
		if (this.acknowledged.compareAndSet(false, true)) {
			this.message.abandon();
		}
	}

	private boolean settle(String action, Runnable settlement) {
		if (!this.acknowledged.compareAndSet(false, true)) {
			logger.debug("Message " + this.message.id() + " is already settled; ignoring " + action);
			return false;
		}
		// a worker interrupted by a shutdown must still settle: the SDK's blocking calls fail at
		// once on an interrupted thread, so clear the flag for the call and restore it afterwards
		boolean interrupted = Thread.interrupted();
		try {
			settlement.run();
			return true;
		}
		catch (RuntimeException ex) {
			this.message.abandon();
			this.counts.settlementFailed();
			logger.error("Could not " + action + " message " + this.message.id() + " of queue '"
					+ this.message.queueName() + "'; it returns when its lease ends", ex);
			return false;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static Duration clamp(Duration delay) {
		if (delay == null || delay.isNegative()) {
			return Duration.ZERO;
		}
		return (delay.compareTo(QueueOptions.MAX_VISIBILITY) > 0) ? QueueOptions.MAX_VISIBILITY : delay;
	}

}
