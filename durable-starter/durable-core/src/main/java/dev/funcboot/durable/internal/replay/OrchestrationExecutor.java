package dev.funcboot.durable.internal.replay;

import java.util.ArrayList;
import java.util.List;

import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.NonDeterministicOrchestrationException;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.OrchestratorRegistration;
import dev.funcboot.durable.history.HistoryEvent;

/**
 * Runs one step of an orchestration as a function of its history: {@code (past events, new
 * events) -> actions}. The orchestrator code is executed from the start; awaited results come
 * from the history, calls already recorded are checked against it, and calls it does not record
 * yet become new actions. Pure apart from the orchestrator code itself: no clock, no store, no
 * threads; safe to call from any thread, one step at a time per instance.
 */
public final class OrchestrationExecutor {

	private final OrchestratorCatalog orchestrators;

	private final DataConverter converter;

	public OrchestrationExecutor(OrchestratorCatalog orchestrators, DataConverter converter) {
		this.orchestrators = orchestrators;
		this.converter = converter;
	}

	/**
	 * @param past the recorded history, starting with {@link HistoryEvent.ExecutionStarted}
	 * (may be empty on the first step)
	 * @param newEvents what happened since: an {@link HistoryEvent.OrchestratorStarted} stamped
	 * with the step's time, then results, fired timers and raised events (and on the first step
	 * the {@code ExecutionStarted})
	 */
	public ExecutionResult execute(List<HistoryEvent> past, List<HistoryEvent> newEvents) {
		HistoryEvent.ExecutionStarted started = executionStarted(past, newEvents);
		for (HistoryEvent event : newEvents) {
			if (event instanceof HistoryEvent.ExecutionTerminated terminated) {
				return complete(OrchestrationStatus.TERMINATED, this.converter.serialize(terminated.reason()), null,
						null, List.of());
			}
		}
		OrchestratorRegistration registration = this.orchestrators.find(started.name());
		if (registration == null) {
			return failed(new FailureDetails(IllegalArgumentException.class.getName(),
					"No orchestrator named '" + started.name() + "'; known orchestrators: " + this.orchestrators.names(),
					null), null);
		}
		ReplayContext context = new ReplayContext(started.instanceId(), started.name(), past, newEvents,
				this.converter);
		context.processNextEvent(); // ExecutionStarted
		Object input;
		try {
			input = this.converter.deserialize(started.input(), registration.inputType());
		}
		catch (RuntimeException ex) {
			return failed(new FailureDetails(ex.getClass().getName(), "Cannot decode the input of orchestrator '"
					+ started.name() + "' as " + registration.inputType().getTypeName() + ": " + ex.getMessage(), null),
					null);
		}
		Object output;
		try {
			output = run(registration, context, input);
		}
		catch (OrchestratorSignal signal) {
			return (context.divergence() != null) ? diverged(context) : running(context);
		}
		catch (Throwable error) {
			if (context.divergence() != null) {
				return diverged(context);
			}
			if (context.isBlocked()) {
				return running(context);
			}
			if (error instanceof Error fatal && !(error instanceof AssertionError)
					&& !(error instanceof StackOverflowError)) {
				throw fatal;
			}
			return failed(FailureDetails.of(error), context.customStatus());
		}
		if (context.divergence() != null) {
			return diverged(context);
		}
		if (context.isBlocked()) {
			// the code caught the suspension signal and returned anyway: it still waits
			return running(context);
		}
		try {
			context.drain();
		}
		catch (OrchestratorSignal signal) {
			return diverged(context);
		}
		catch (RuntimeException ex) {
			// e.g. a result or event that cannot be decoded for a task the code never awaited: the
			// same error as when it surfaces from await(), not an exception out of the step
			return failed(FailureDetails.of(ex), context.customStatus());
		}
		if (context.isContinueAsNew()) {
			return ended(context, new OrchestratorAction.CompleteOrchestration(OrchestrationStatus.CONTINUED_AS_NEW,
					context.continueAsNewInput(), null, context.unconsumedEvents()));
		}
		String result;
		try {
			result = this.converter.serialize(output);
		}
		catch (RuntimeException ex) {
			return failed(FailureDetails.of(ex), context.customStatus());
		}
		return ended(context,
				new OrchestratorAction.CompleteOrchestration(OrchestrationStatus.COMPLETED, result, null, List.of()));
	}

	/** Calls made in this step and not awaited (fire and forget) are scheduled before the end. */
	private static ExecutionResult ended(ReplayContext context, OrchestratorAction.CompleteOrchestration done) {
		List<OrchestratorAction> actions = new ArrayList<>(context.newActions());
		actions.add(done);
		return new ExecutionResult(actions, context.customStatus());
	}

	@SuppressWarnings("unchecked")
	private static Object run(OrchestratorRegistration registration, ReplayContext context, Object input) {
		return ((dev.funcboot.durable.Orchestrator<Object, Object>) registration.orchestrator()).run(context, input);
	}

	private static HistoryEvent.ExecutionStarted executionStarted(List<HistoryEvent> past,
			List<HistoryEvent> newEvents) {
		HistoryEvent first = !past.isEmpty() ? past.get(0) : (!newEvents.isEmpty() ? firstStarted(newEvents) : null);
		if (first instanceof HistoryEvent.ExecutionStarted started) {
			return started;
		}
		throw new IllegalArgumentException("A history must start with ExecutionStarted, found " + first);
	}

	private static HistoryEvent firstStarted(List<HistoryEvent> events) {
		for (HistoryEvent event : events) {
			if (event instanceof HistoryEvent.ExecutionStarted) {
				return event;
			}
		}
		return events.get(0);
	}

	private static ExecutionResult running(ReplayContext context) {
		return new ExecutionResult(context.newActions(), context.customStatus());
	}

	private static ExecutionResult diverged(ReplayContext context) {
		NonDeterministicOrchestrationException divergence = context.divergence();
		return failed(new FailureDetails(divergence.getClass().getName(), divergence.getMessage(), null),
				context.customStatus());
	}

	private static ExecutionResult failed(FailureDetails failure, String customStatus) {
		return complete(OrchestrationStatus.FAILED, null, failure, customStatus, List.of());
	}

	private static ExecutionResult complete(OrchestrationStatus status, String result, FailureDetails failure,
			String customStatus, List<HistoryEvent.EventRaised> carryOver) {
		List<OrchestratorAction> actions = new ArrayList<>(1);
		actions.add(new OrchestratorAction.CompleteOrchestration(status, result, failure, carryOver));
		return new ExecutionResult(actions, customStatus);
	}

}
