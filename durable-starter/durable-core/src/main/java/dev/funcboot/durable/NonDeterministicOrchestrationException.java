package dev.funcboot.durable;

/**
 * The orchestrator's calls differ from its recorded history: its code changed while an instance
 * was running, or it broke a determinism rule (see {@link Orchestrator}). The instance fails with
 * this error; the message names the first diverging history event and the expected and actual
 * calls.
 */
public class NonDeterministicOrchestrationException extends RuntimeException {

	public NonDeterministicOrchestrationException(String message) {
		super(message);
	}

}
