package dev.funcboot.functions.pipeline;

import dev.funcboot.functions.InvocationContext;

/**
 * The end of an invocation as a value, so adapters settle messages and write responses without
 * catching exceptions.
 *
 * @param context the context of the last attempt
 * @param outcome how it ended
 * @param value what the function returned, on success
 * @param error what went wrong, otherwise
 * @param attempts how many attempts ran
 * @param retriesExhausted whether it is poison because the retry policy ran out
 */
public record InvocationResult(InvocationContext context, InvocationOutcome outcome, Object value, Throwable error,
		int attempts, boolean retriesExhausted) {

	public boolean isSuccess() {
		return this.outcome == InvocationOutcome.SUCCESS;
	}

	/** A short reason for logs and dead-letter entries; never contains the payload. */
	public String reason() {
		if (this.error == null) {
			return this.outcome.tag();
		}
		String message = (this.error.getMessage() != null) ? this.error.getMessage() : "";
		String base = this.error.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
		return this.retriesExhausted ? "retries exhausted after " + this.attempts + " attempts: " + base : base;
	}

}
