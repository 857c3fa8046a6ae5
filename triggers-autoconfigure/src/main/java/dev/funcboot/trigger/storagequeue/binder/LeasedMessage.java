package dev.funcboot.trigger.storagequeue.binder;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A received message while this consumer holds it: invisible to others until its lease ends.
 * Every update of the message returns a new pop receipt, which the next update must present, so
 * renewals and the final settlement are serialized here. Settles at most once; after that the
 * renewal stops.
 */
final class LeasedMessage {

	private static final Log logger = LogFactory.getLog(LeasedMessage.class);

	private final QueueClient queue;

	private final String id;

	private final long dequeueCount;

	private final Instant insertionTime;

	private final Instant expirationTime;

	private final String text;

	private String popReceipt;

	private boolean settled;

	private ScheduledFuture<?> renewal;

	LeasedMessage(QueueClient queue, QueueMessageItem item) {
		this.queue = queue;
		this.id = item.getMessageId();
		this.popReceipt = item.getPopReceipt();
		this.dequeueCount = item.getDequeueCount();
		this.insertionTime = instant(item.getInsertionTime());
		this.expirationTime = instant(item.getExpirationTime());
		this.text = (item.getBody() != null) ? item.getBody().toString() : "";
	}

	String id() {
		return this.id;
	}

	String queueName() {
		return this.queue.getQueueName();
	}

	long dequeueCount() {
		return this.dequeueCount;
	}

	Instant insertionTime() {
		return this.insertionTime;
	}

	Instant expirationTime() {
		return this.expirationTime;
	}

	/** The message text exactly as stored in the queue (still encoded). */
	String text() {
		return this.text;
	}

	/** Renews the lease every half lease until the message is settled. */
	synchronized void keepLeased(ScheduledExecutorService scheduler, Duration lease) {
		if (this.settled) {
			return;
		}
		long period = Math.max(lease.toMillis() / 2, 200);
		try {
			this.renewal = scheduler.scheduleAtFixedRate(() -> renew(lease), period, period, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the binder is shutting down: the message is released or returns when its lease ends
			logger.debug("Not renewing the lease of message " + this.id + ": the binder is stopping");
		}
	}

	private synchronized void renew(Duration lease) {
		if (this.settled) {
			return;
		}
		try {
			this.popReceipt = this.queue.updateMessage(this.id, this.popReceipt, null, lease).getPopReceipt();
		}
		catch (RuntimeException ex) {
			// the lease is lost (or the service unreachable): another consumer may get the message
			logger.warn("Could not renew the lease of message " + this.id + " in queue '" + queueName()
					+ "'; it may be delivered again: " + ex.getMessage());
			stopRenewing();
		}
	}

	/** Deletes the message; the work on it is done. */
	synchronized void delete() {
		settle();
		this.queue.deleteMessage(this.id, this.popReceipt);
	}

	/** Makes the message visible to every consumer again after the delay. */
	synchronized void makeVisibleAfter(Duration delay) {
		settle();
		this.queue.updateMessage(this.id, this.popReceipt, null, delay);
	}

	/** Stops renewing without touching the message: it returns when its lease ends. */
	synchronized void abandon() {
		this.settled = true;
		stopRenewing();
	}

	synchronized boolean isSettled() {
		return this.settled;
	}

	private void settle() {
		if (this.settled) {
			throw new IllegalStateException("Message " + this.id + " is already settled");
		}
		this.settled = true;
		stopRenewing();
	}

	private void stopRenewing() {
		if (this.renewal != null) {
			this.renewal.cancel(false);
		}
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
