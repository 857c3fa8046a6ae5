package dev.funcboot.durable.testing;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;

/**
 * What the current code does with a stored history.
 *
 * @param status COMPLETED/FAILED/CONTINUED_AS_NEW/TERMINATED when the code ends the execution,
 * RUNNING when it waits
 * @param output the output text (or the next input after continue-as-new)
 * @param failure why it failed; a {@code NonDeterministicOrchestrationException} when the code
 * no longer matches the history
 * @param newActions calls the history does not record (0 when the code matches it)
 */
public record ReplayResult(OrchestrationStatus status, String output, FailureDetails failure, int newActions) {

	public boolean isNonDeterministic() {
		return this.failure != null
				&& this.failure.errorType().equals(dev.funcboot.durable.NonDeterministicOrchestrationException.class
					.getName());
	}

}
