package dev.funcboot.trigger.storagequeue;

import java.time.Duration;

import dev.funcboot.functions.RetryLaterException;
import dev.funcboot.functions.pipeline.InvocationOutcome;
import dev.funcboot.functions.pipeline.InvocationResult;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueAcknowledgment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What happens to a message after its invocation: success deletes it; a poison outcome
 * (undecodable input, {@code PoisonMessageException}) dead-letters it at once; a retryable one
 * makes it visible again after the retry delay, or dead-letters it with "retries exhausted" when
 * its dequeue count used the last attempt. A {@link RetryLaterException} (the function is
 * overloaded or not ready) is never poison: the message comes back after the exception's delay
 * (not the visibility timeout) while attempts remain; it counts as an attempt, since the dequeue
 * count grows with every delivery.
 */
final class QueueSettlement {

	private static final Log logger = LogFactory.getLog(QueueSettlement.class);

	private final String function;

	private final QueueRetries retries;

	QueueSettlement(String function, QueueRetries retries) {
		this.function = function;
		this.retries = retries;
	}

	void settle(StorageQueueAcknowledgment acknowledgment, InvocationResult result) {
		long attempt = acknowledgment.dequeueCount();
		RetryLaterException retryLater = result.isSuccess() ? null : RetryLaterException.find(result.error());
		if (result.isSuccess()) {
			acknowledgment.complete();
		}
		else if (result.outcome() == InvocationOutcome.POISON) {
			acknowledgment.deadLetter(result.reason());
		}
		else if (retryLater != null && this.retries.allowsAttemptAfter(attempt)) {
			// turned away (overloaded, not ready): not the message's fault; back after the function's own delay
			Duration delay = retryLater.retryAfter();
			logger.info("Queue function '" + this.function + "' turned the message away" + where(acknowledgment, result)
					+ "; retrying in " + delay + ": " + result.reason());
			acknowledgment.retry(delay);
		}
		else if (this.retries.allowsAttemptAfter(attempt)) {
			Duration delay = this.retries.delayAfter(attempt);
			logger.warn("Queue function '" + this.function + "' attempt " + attempt + " of " + this.retries.maxAttempts()
					+ " ended " + result.outcome().tag() + where(acknowledgment, result) + "; retrying in " + delay
					+ ": " + result.reason(), result.error());
			acknowledgment.retry(delay);
		}
		else {
			InvocationResult exhausted = new InvocationResult(result.context(), InvocationOutcome.POISON, null,
					result.error(), (int) Math.min(attempt, Integer.MAX_VALUE), true);
			logger.error("Queue function '" + this.function + "' gave up" + where(acknowledgment, result) + ": "
					+ exhausted.reason(), result.error());
			acknowledgment.deadLetter(exhausted.reason());
		}
	}

	private static String where(StorageQueueAcknowledgment acknowledgment, InvocationResult result) {
		return " (invocation " + result.context().invocationId() + ", message " + acknowledgment.messageId() + ")";
	}

}
