package dev.funcboot.functions;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What every trigger adapter tells the pipeline about one invocation.
 *
 * @param invocationId unique id of this invocation, also the correlation id in logs and errors
 * @param functionName the function binding's name
 * @param trigger the trigger type ({@code http}, {@code timer}, {@code queue}, ...)
 * @param triggerMetadata what the trigger knows about the event: route values, headers, dequeue
 * count, partition, offset, blob name, past-due flag; never {@code null}
 * @param deadline when the invocation times out, or {@code null} when it has no timeout; set by
 * the pipeline from the function's policy
 * @param attempt the attempt number, starting at 1
 */
public record InvocationContext(String invocationId, String functionName, String trigger,
		Map<String, Object> triggerMetadata, Instant deadline, int attempt) {

	public InvocationContext {
		Objects.requireNonNull(invocationId, "invocationId");
		Objects.requireNonNull(functionName, "functionName");
		Objects.requireNonNull(trigger, "trigger");
		triggerMetadata = (triggerMetadata != null) ? triggerMetadata : Map.of();
		if (attempt < 1) {
			throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
		}
	}

	/** A first attempt without deadline; the pipeline sets the deadline from the policy. */
	public static InvocationContext of(String invocationId, String functionName, String trigger,
			Map<String, Object> triggerMetadata) {
		return new InvocationContext(invocationId, functionName, trigger, triggerMetadata, null, 1);
	}

	public InvocationContext withDeadline(Instant deadline) {
		return new InvocationContext(this.invocationId, this.functionName, this.trigger, this.triggerMetadata, deadline,
				this.attempt);
	}

	public InvocationContext withAttempt(int attempt) {
		return new InvocationContext(this.invocationId, this.functionName, this.trigger, this.triggerMetadata,
				this.deadline, attempt);
	}

}
