package dev.funcboot.durable.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.internal.replay.ExecutionResult;
import dev.funcboot.durable.internal.replay.OrchestrationExecutor;
import dev.funcboot.durable.internal.replay.OrchestratorAction;
import dev.funcboot.durable.store.ActivityRequest;
import dev.funcboot.durable.store.InboxMessage;
import dev.funcboot.durable.store.InstanceState;
import dev.funcboot.durable.store.LeaseLostException;
import dev.funcboot.durable.store.OrchestrationStore;
import dev.funcboot.durable.store.OrchestrationWorkItem;
import dev.funcboot.durable.store.OutgoingMessage;
import dev.funcboot.durable.store.StepCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step of one instance: lock it with its inbox, replay, and commit the new history,
 * state, activity calls, timers and messages in one store transaction. A crash before the commit
 * leaves the inbox in place, so the step is simply run again: state transitions are
 * exactly-once.
 */
public final class OrchestrationProcessor {

	private static final Logger logger = LoggerFactory.getLogger(OrchestrationProcessor.class);

	private final OrchestrationStore store;

	private final OrchestrationExecutor executor;

	private final Clock clock;

	private final String worker;

	private final Duration lease;

	public OrchestrationProcessor(OrchestrationStore store, OrchestrationExecutor executor, Clock clock,
			String worker, Duration lease) {
		this.store = store;
		this.executor = executor;
		this.clock = clock;
		this.worker = worker;
		this.lease = lease;
	}

	/** Runs the next step of some instance; false when no instance has visible work. */
	public boolean processNext() {
		Instant now = this.clock.instant();
		Optional<OrchestrationWorkItem> next = this.store.lockNextOrchestration(this.worker, now, this.lease);
		if (next.isEmpty()) {
			return false;
		}
		OrchestrationWorkItem item = next.get();
		try {
			this.store.commitStep(item, step(item, now));
		}
		catch (LeaseLostException ex) {
			logger.warn("Step of instance {} not committed: {}", item.instanceId(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			this.store.abandonOrchestration(item);
			throw ex;
		}
		return true;
	}

	private StepCommit step(OrchestrationWorkItem item, Instant now) {
		InstanceState state = item.instance();
		List<String> consumed = new ArrayList<>();
		List<HistoryEvent> lifecycle = new ArrayList<>();
		List<HistoryEvent> events = new ArrayList<>();
		HistoryEvent.ExecutionStarted started = null;
		boolean terminate = false;
		for (InboxMessage message : item.messages()) {
			consumed.add(message.id());
			HistoryEvent event = message.event();
			if (event instanceof HistoryEvent.ExecutionStarted s) {
				started = s;
			}
			else if (event instanceof HistoryEvent.ExecutionSuspended || event instanceof HistoryEvent.ExecutionResumed) {
				lifecycle.add(event);
			}
			else if (event instanceof HistoryEvent.ExecutionTerminated) {
				terminate = true;
				events.add(event);
			}
			else {
				events.add(event);
			}
		}
		if (state.status() == null || state.status().isTerminal() && started == null) {
			// messages for an ended (or unknown) instance: nothing can use them any more
			return new StepCommit(List.of(), false, consumed, null, List.of(), List.of(), List.of());
		}
		OrchestrationStatus status = state.status();
		for (HistoryEvent event : lifecycle) {
			status = (event instanceof HistoryEvent.ExecutionSuspended) ? OrchestrationStatus.SUSPENDED
					: OrchestrationStatus.RUNNING;
		}
		if (status == OrchestrationStatus.SUSPENDED && !terminate) {
			InstanceState suspended = state.withStatus(OrchestrationStatus.SUSPENDED, now);
			return new StepCommit(lifecycle, false, consumed, suspended, List.of(), List.of(), List.of());
		}
		List<HistoryEvent> newEvents = new ArrayList<>(events.size() + lifecycle.size() + 2);
		if (started != null) {
			newEvents.add(started);
		}
		newEvents.add(new HistoryEvent.OrchestratorStarted(now));
		newEvents.addAll(lifecycle);
		newEvents.addAll(events);
		List<HistoryEvent> history = (started != null) ? List.of() : item.history();
		ExecutionResult result = this.executor.execute(history, newEvents);
		return commit(state, started != null, newEvents, result, consumed, now);
	}

	private StepCommit commit(InstanceState state, boolean newExecution, List<HistoryEvent> newEvents,
			ExecutionResult result, List<String> consumed, Instant now) {
		List<HistoryEvent> appended = new ArrayList<>(newEvents);
		appended.addAll(result.toEvents(now));
		List<ActivityRequest> activities = new ArrayList<>();
		List<OutgoingMessage> messages = new ArrayList<>();
		List<InstanceState> children = new ArrayList<>();
		String id = state.instanceId();
		for (OrchestratorAction action : result.actions()) {
			if (action instanceof OrchestratorAction.ScheduleTask task) {
				activities.add(new ActivityRequest(id, task.taskId(), task.name(), task.input()));
			}
			else if (action instanceof OrchestratorAction.CreateTimer timer) {
				messages.add(new OutgoingMessage(id, new HistoryEvent.TimerFired(timer.fireAt(), timer.taskId(),
						timer.fireAt()), timer.fireAt()));
			}
			else if (action instanceof OrchestratorAction.CreateSubOrchestration sub) {
				HistoryEvent.ParentInstance parent = new HistoryEvent.ParentInstance(id, state.name(), sub.taskId());
				children.add(new InstanceState(sub.instanceId(), sub.name(), OrchestrationStatus.PENDING, sub.input(),
						null, null, null, now, now, parent));
				messages.add(new OutgoingMessage(sub.instanceId(),
						new HistoryEvent.ExecutionStarted(now, sub.name(), sub.instanceId(), sub.input(), parent), now));
			}
		}
		String customStatus = (result.customStatus() != null) ? result.customStatus() : state.customStatus();
		String input = state.input();
		if (newExecution && !newEvents.isEmpty() && newEvents.get(0) instanceof HistoryEvent.ExecutionStarted s) {
			input = s.input();
		}
		OrchestratorAction.CompleteOrchestration completion = result.completion();
		if (completion == null) {
			InstanceState running = new InstanceState(id, state.name(), OrchestrationStatus.RUNNING, input, null,
					customStatus, null, state.createdAt(), now, state.parent());
			return new StepCommit(appended, false, consumed, running, activities, messages, children);
		}
		if (completion.status() == OrchestrationStatus.CONTINUED_AS_NEW) {
			messages.add(new OutgoingMessage(id,
					new HistoryEvent.ExecutionStarted(now, state.name(), id, completion.result(), state.parent()), now));
			for (HistoryEvent.EventRaised carried : completion.carryOverEvents()) {
				messages.add(new OutgoingMessage(id, carried, now));
			}
			InstanceState continued = new InstanceState(id, state.name(), OrchestrationStatus.CONTINUED_AS_NEW,
					completion.result(), null, customStatus, null, state.createdAt(), now, state.parent());
			return new StepCommit(List.of(), true, consumed, continued, activities, messages, children);
		}
		if (state.parent() != null) {
			HistoryEvent.ParentInstance parent = state.parent();
			HistoryEvent notice = (completion.status() == OrchestrationStatus.COMPLETED)
					? new HistoryEvent.SubOrchestrationCompleted(now, parent.taskId(), completion.result())
					: new HistoryEvent.SubOrchestrationFailed(now, parent.taskId(), failureOf(completion, id));
			messages.add(new OutgoingMessage(parent.instanceId(), notice, now));
		}
		if (completion.status() == OrchestrationStatus.FAILED) {
			logger.warn("Orchestration '{}' instance {} failed: {}", state.name(), id, completion.failure());
		}
		InstanceState ended = new InstanceState(id, state.name(), completion.status(), input,
				(completion.status() == OrchestrationStatus.COMPLETED) ? completion.result() : null, customStatus,
				completion.failure(), state.createdAt(), now, state.parent());
		return new StepCommit(appended, false, consumed, ended, List.of(), messages, List.of());
	}

	private static FailureDetails failureOf(OrchestratorAction.CompleteOrchestration completion, String id) {
		if (completion.failure() != null) {
			return completion.failure();
		}
		return new FailureDetails("Terminated", "Sub-orchestration " + id + " was terminated: " + completion.result(),
				null);
	}

}
