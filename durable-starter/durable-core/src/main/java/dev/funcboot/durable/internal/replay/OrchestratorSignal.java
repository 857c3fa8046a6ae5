package dev.funcboot.durable.internal.replay;

/**
 * Unwinds the orchestrator's stack when it waits for a result not yet in the history, or when
 * replay found a divergence. An {@link Error}, so that {@code catch (Exception e)} in user code
 * does not swallow it; the context also records it, so even a swallowed signal is noticed.
 */
final class OrchestratorSignal extends Error {

	OrchestratorSignal(String message) {
		super(message, null, false, false);
	}

}
