package dev.funcboot.trigger.stream;

import java.time.Duration;

import dev.funcboot.functions.pipeline.InvocationOutcome;
import dev.funcboot.functions.pipeline.InvocationResult;

/**
 * What happens to a message after one attempt: success completes it; a poison outcome
 * (undecodable input, {@code PoisonMessageException}) dead-letters it at once; a retryable one is
 * tried again after the retry delay, or dead-lettered with "retries exhausted" once the attempt
 * was the last.
 *
 * @param action what to do
 * @param delay the wait before the next attempt, for {@link Action#RETRY}
 * @param reason why, for {@link Action#DEAD_LETTER}
 */
record StreamSettlement(Action action, Duration delay, String reason) {

	enum Action {

		COMPLETE, RETRY, DEAD_LETTER

	}

	/** The settlement of every success. */
	private static final StreamSettlement COMPLETE = new StreamSettlement(Action.COMPLETE, null, null);

	static StreamSettlement of(InvocationResult result, int attempt, StreamRetries retries) {
		if (result.isSuccess()) {
			return COMPLETE;
		}
		if (result.outcome() == InvocationOutcome.POISON) {
			return new StreamSettlement(Action.DEAD_LETTER, null, result.reason());
		}
		if (retries.allowsAttemptAfter(attempt)) {
			return new StreamSettlement(Action.RETRY, retries.delayAfter(attempt), result.reason());
		}
		InvocationResult exhausted = new InvocationResult(result.context(), InvocationOutcome.POISON, null,
				result.error(), attempt, true);
		return new StreamSettlement(Action.DEAD_LETTER, null, exhausted.reason());
	}

}
