package dev.funcboot.durable.internal.replay;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.NonDeterministicOrchestrationException;
import dev.funcboot.durable.OrchestrationContext;
import dev.funcboot.durable.Task;
import dev.funcboot.durable.TaskFailedException;
import dev.funcboot.durable.TaskOptions;
import dev.funcboot.durable.TaskRetryPolicy;
import dev.funcboot.durable.TaskTimedOutException;
import dev.funcboot.durable.history.HistoryEvent;

/**
 * The orchestration context during one step: it walks the history (past events, then new ones)
 * as the orchestrator awaits, matches each recorded action to the call the code makes now, and
 * collects the calls the history does not know yet as new actions.
 */
final class ReplayContext implements OrchestrationContext {

	private final List<HistoryEvent> events;

	private final int pastCount;

	private final DataConverter converter;

	private final String instanceId;

	private final String name;

	private final Thread owner = Thread.currentThread();

	private int next;

	/**
	 * True until replay needs the first new event: code that runs after the last past event but
	 * before any new one ran in an earlier step already (which ended waiting right there).
	 */
	private boolean replaying;

	private Instant currentInstant;

	private int sequence;

	/** OrchestratorStarted events processed so far. */
	private int steps;

	private int uuidCounter;

	/** Calls the code made whose recording event has not been seen (yet): new actions at the end. */
	private final Map<Integer, PendingCall> pending = new LinkedHashMap<>();

	/** Scheduled tasks waiting for their completion event, by task id. */
	private final Map<Integer, Completion> open = new HashMap<>();

	private final Map<String, Deque<ReplayTask<?>>> eventWaiters = new HashMap<>();

	private final Map<ReplayTask<?>, Type> waiterTypes = new HashMap<>();

	private final Map<String, Deque<HistoryEvent.EventRaised>> bufferedEvents = new LinkedHashMap<>();

	private String customStatus;

	private boolean continueAsNew;

	private String continueAsNewInput;

	private boolean blocked;

	private NonDeterministicOrchestrationException divergence;

	ReplayContext(String instanceId, String name, List<HistoryEvent> past, List<HistoryEvent> newEvents,
			DataConverter converter) {
		this.instanceId = instanceId;
		this.name = name;
		this.events = new ArrayList<>(past.size() + newEvents.size());
		this.events.addAll(past);
		this.events.addAll(newEvents);
		this.pastCount = past.size();
		this.replaying = !past.isEmpty();
		this.converter = converter;
	}

	// ---- the API used by orchestrator code

	@Override
	public String instanceId() {
		return this.instanceId;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public <T> Task<T> callActivity(String name, Object input, Type resultType, TaskOptions options) {
		checkOwner();
		Objects.requireNonNull(name, "activity name");
		String data = this.converter.serialize(input);
		TaskRetryPolicy retry = (options != null) ? options.retry() : null;
		if (retry == null) {
			return scheduleActivity(name, data, resultType);
		}
		return retrying(retry, () -> scheduleActivity(name, data, resultType));
	}

	@Override
	public <T> Task<T> callSubOrchestrator(String name, Object input, String instanceId, Type resultType,
			TaskOptions options) {
		checkOwner();
		Objects.requireNonNull(name, "orchestrator name");
		String data = this.converter.serialize(input);
		TaskRetryPolicy retry = (options != null) ? options.retry() : null;
		if (retry == null) {
			return scheduleSubOrchestration(name, instanceId, data, resultType);
		}
		return retrying(retry, () -> scheduleSubOrchestration(name, instanceId, data, resultType));
	}

	@Override
	public Task<Void> createTimer(Instant fireAt) {
		checkOwner();
		Objects.requireNonNull(fireAt, "fireAt");
		int id = this.sequence++;
		ReplayTask<Void> task = new ReplayTask<>(this);
		this.pending.put(id, new PendingCall(id, Kind.TIMER, null, new OrchestratorAction.CreateTimer(id, fireAt)));
		this.open.put(id, new Completion(task, null, "timer", Kind.TIMER));
		return task;
	}

	@Override
	public <T> Task<T> waitForExternalEvent(String name, Duration timeout, Type type) {
		checkOwner();
		String key = name.toLowerCase(Locale.ROOT);
		ReplayTask<T> task = new ReplayTask<>(this);
		Deque<HistoryEvent.EventRaised> buffered = this.bufferedEvents.get(key);
		if (buffered != null && !buffered.isEmpty()) {
			task.complete(this.converter.deserialize(buffered.poll().input(), type));
			return task;
		}
		Deque<ReplayTask<?>> waiters = this.eventWaiters.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		waiters.add(task);
		this.waiterTypes.put(task, type);
		if (timeout != null) {
			ReplayTask<Void> timer = (ReplayTask<Void>) createTimer(this.currentInstant.plus(timeout));
			timer.onDone((fired) -> {
				if (!task.isDone()) {
					waiters.remove(task);
					task.fail(new TaskTimedOutException(name, timeout));
				}
			});
		}
		return task;
	}

	@Override
	public <T> Task<List<T>> allOf(List<? extends Task<T>> tasks) {
		checkOwner();
		ReplayTask<List<T>> all = new ReplayTask<>(this);
		List<ReplayTask<T>> children = new ArrayList<>(tasks.size());
		for (Task<T> task : tasks) {
			children.add(own(task));
		}
		if (children.isEmpty()) {
			all.complete(List.of());
			return all;
		}
		int[] remaining = { children.size() };
		for (ReplayTask<T> child : children) {
			child.onDone((done) -> {
				if (--remaining[0] == 0) {
					for (ReplayTask<T> c : children) {
						if (c.failure() != null) {
							all.fail(c.failure());
							return;
						}
					}
					List<T> values = new ArrayList<>(children.size());
					for (ReplayTask<T> c : children) {
						values.add(c.value());
					}
					all.complete(values);
				}
			});
		}
		return all;
	}

	@Override
	public Task<Task<?>> anyOf(List<? extends Task<?>> tasks) {
		checkOwner();
		if (tasks.isEmpty()) {
			throw new IllegalArgumentException("anyOf needs at least one task");
		}
		ReplayTask<Task<?>> any = new ReplayTask<>(this);
		for (Task<?> task : tasks) {
			ReplayTask<?> child = own(task);
			child.onDone((done) -> any.complete(done));
		}
		return any;
	}

	@Override
	public void continueAsNew(Object input) {
		checkOwner();
		this.continueAsNew = true;
		this.continueAsNewInput = this.converter.serialize(input);
	}

	@Override
	public void setCustomStatus(Object status) {
		checkOwner();
		this.customStatus = this.converter.serialize(status);
	}

	@Override
	public UUID newUuid() {
		checkOwner();
		String seed = this.instanceId + '|' + this.currentInstant + '|' + (this.uuidCounter++);
		return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public Instant currentInstant() {
		return this.currentInstant;
	}

	@Override
	public boolean isReplaying() {
		return this.replaying;
	}

	// ---- scheduling

	private <T> ReplayTask<T> scheduleActivity(String name, String input, Type resultType) {
		int id = this.sequence++;
		ReplayTask<T> task = new ReplayTask<>(this);
		this.pending.put(id,
				new PendingCall(id, Kind.ACTIVITY, name, new OrchestratorAction.ScheduleTask(id, name, input)));
		this.open.put(id, new Completion(task, resultType, name, Kind.ACTIVITY));
		return task;
	}

	private <T> ReplayTask<T> scheduleSubOrchestration(String name, String childId, String input, Type resultType) {
		int id = this.sequence++;
		String instance = (childId != null) ? childId : this.instanceId + ":" + id;
		ReplayTask<T> task = new ReplayTask<>(this);
		this.pending.put(id, new PendingCall(id, Kind.SUB_ORCHESTRATION, name,
				new OrchestratorAction.CreateSubOrchestration(id, name, instance, input)));
		this.open.put(id, new Completion(task, resultType, name, Kind.SUB_ORCHESTRATION));
		return task;
	}

	/**
	 * A task that schedules the call again after each failure, with a durable timer in
	 * between, until the policy gives up. Driven by history events, so it works inside
	 * {@link #allOf} too.
	 */
	private <T> ReplayTask<T> retrying(TaskRetryPolicy policy, java.util.function.Supplier<ReplayTask<T>> call) {
		ReplayTask<T> result = new ReplayTask<>(this);
		Instant firstAttempt = this.currentInstant;
		attempt(result, policy, call, 1, firstAttempt);
		return result;
	}

	private <T> void attempt(ReplayTask<T> result, TaskRetryPolicy policy,
			java.util.function.Supplier<ReplayTask<T>> call, int attempt, Instant firstAttempt) {
		ReplayTask<T> current = call.get();
		current.onDone((done) -> {
			if (done.failure() == null) {
				result.complete(done.value());
				return;
			}
			boolean timedOut = policy.timeout() != null
					&& !this.currentInstant.isBefore(firstAttempt.plus(policy.timeout()));
			if (attempt >= policy.maxAttempts() || timedOut) {
				result.fail(done.failure());
				return;
			}
			ReplayTask<Void> delay = (ReplayTask<Void>) createTimer(this.currentInstant.plus(policy.delayAfter(attempt)));
			delay.onDone((fired) -> attempt(result, policy, call, attempt + 1, firstAttempt));
		});
	}

	private <T> ReplayTask<T> own(Task<T> task) {
		if (task instanceof ReplayTask<T> replayTask && replayTask.owner() == this) {
			return replayTask;
		}
		throw new IllegalArgumentException("Only tasks of this orchestration context can be combined");
	}

	// ---- replay

	/** Applies the next history event; returns false when the history is exhausted. */
	boolean processNextEvent() {
		if (this.next >= this.events.size()) {
			return false;
		}
		int index = this.next++;
		if (index >= this.pastCount) {
			this.replaying = false;
		}
		HistoryEvent event = this.events.get(index);
		if (event instanceof HistoryEvent.OrchestratorStarted started) {
			checkStepRecorded(index);
			this.steps++;
			this.currentInstant = started.timestamp();
		}
		else if (event instanceof HistoryEvent.ExecutionStarted started) {
			if (this.currentInstant == null) {
				this.currentInstant = started.timestamp();
			}
		}
		else if (event instanceof HistoryEvent.TaskScheduled scheduled) {
			match(index, event, scheduled.taskId(), Kind.ACTIVITY, scheduled.name());
		}
		else if (event instanceof HistoryEvent.TimerCreated created) {
			match(index, event, created.taskId(), Kind.TIMER, null);
		}
		else if (event instanceof HistoryEvent.SubOrchestrationCreated created) {
			match(index, event, created.taskId(), Kind.SUB_ORCHESTRATION, created.name());
		}
		else if (event instanceof HistoryEvent.TaskCompleted completed) {
			complete(completed.taskId(), completed.result());
		}
		else if (event instanceof HistoryEvent.TaskFailed failed) {
			fail(failed.taskId(), failed.failure());
		}
		else if (event instanceof HistoryEvent.SubOrchestrationCompleted completed) {
			complete(completed.taskId(), completed.result());
		}
		else if (event instanceof HistoryEvent.SubOrchestrationFailed failed) {
			fail(failed.taskId(), failed.failure());
		}
		else if (event instanceof HistoryEvent.TimerFired fired) {
			complete(fired.taskId(), null);
		}
		else if (event instanceof HistoryEvent.EventRaised raised) {
			deliver(raised);
		}
		return true;
	}

	/** Processes the rest of the history after the orchestrator returned, to check it. */
	void drain() {
		while (processNextEvent()) {
			// every remaining event is still matched against the calls made
		}
	}

	private void match(int index, HistoryEvent event, int taskId, Kind kind, String name) {
		PendingCall call = this.pending.remove(taskId);
		if (call == null) {
			throw diverge("History event #" + index + " " + describe(event) + " has no matching call: the orchestrator"
					+ " now makes no call #" + taskId + " at this point (expected " + expected(kind, name)
					+ "). Its code changed while this instance was running, or it is not deterministic.");
		}
		if (call.kind() != kind || !Objects.equals(call.name(), name)) {
			throw diverge("History event #" + index + " " + describe(event) + " was recorded for call #" + taskId
					+ ", but the orchestrator now makes " + expected(call.kind(), call.name())
					+ " as call #" + taskId + " (expected " + expected(kind, name) + ").");
		}
	}

	/**
	 * A step's calls are recorded right after its events, before the next OrchestratorStarted;
	 * the code made every pending call before reaching this one (code that runs before the
	 * first OrchestratorStarted belongs to the first step). So a call still unmatched when a
	 * later step begins is one the history does not know, even if no later event contradicts it.
	 */
	private void checkStepRecorded(int index) {
		if (this.steps == 0 || this.pending.isEmpty()) {
			return;
		}
		PendingCall call = this.pending.values().iterator().next();
		throw diverge("History event #" + index + " OrchestratorStarted begins a new step, but call #" + call.taskId()
				+ " " + expected(call.kind(), call.name()) + ", which the orchestrator now makes in the step before,"
				+ " is not recorded (expected no further call). Its code changed while this instance was running,"
				+ " or it is not deterministic.");
	}

	private void complete(int taskId, String result) {
		Completion completion = this.open.remove(taskId);
		if (completion == null) {
			return; // duplicate delivery of an at-least-once result: the first one counts
		}
		completion.complete(this.converter, result);
	}

	private void fail(int taskId, dev.funcboot.durable.FailureDetails failure) {
		Completion completion = this.open.remove(taskId);
		if (completion == null) {
			return;
		}
		completion.task().fail(new TaskFailedException(completion.name(), taskId, failure));
	}

	@SuppressWarnings("unchecked")
	private void deliver(HistoryEvent.EventRaised raised) {
		String key = raised.name().toLowerCase(Locale.ROOT);
		Deque<ReplayTask<?>> waiters = this.eventWaiters.get(key);
		ReplayTask<Object> waiter = (waiters != null) ? (ReplayTask<Object>) waiters.poll() : null;
		if (waiter != null) {
			waiter.complete(this.converter.deserialize(raised.input(), this.waiterTypes.remove(waiter)));
		}
		else {
			this.bufferedEvents.computeIfAbsent(key, (k) -> new ArrayDeque<>()).add(raised);
		}
	}

	// ---- outcome

	OrchestratorSignal block() {
		this.blocked = true;
		return new OrchestratorSignal("orchestration waits for history that is not recorded yet");
	}

	private OrchestratorSignal diverge(String message) {
		if (this.divergence == null) {
			this.divergence = new NonDeterministicOrchestrationException(
					"Non-deterministic orchestration '" + this.name + "' (instance " + this.instanceId + "): "
							+ message);
		}
		return new OrchestratorSignal(message);
	}

	void checkOwner() {
		if (Thread.currentThread() != this.owner) {
			throw new IllegalStateException("Orchestration context used from thread " + Thread.currentThread().getName()
					+ "; an orchestrator must not start threads (see the determinism rules on Orchestrator)");
		}
	}

	boolean isBlocked() {
		return this.blocked;
	}

	NonDeterministicOrchestrationException divergence() {
		return this.divergence;
	}

	boolean isContinueAsNew() {
		return this.continueAsNew;
	}

	String continueAsNewInput() {
		return this.continueAsNewInput;
	}

	String customStatus() {
		return this.customStatus;
	}

	/** New actions: calls the history does not record, in call order. */
	List<OrchestratorAction> newActions() {
		List<OrchestratorAction> actions = new ArrayList<>(this.pending.size());
		for (PendingCall call : this.pending.values()) {
			actions.add(call.action());
		}
		return actions;
	}

	/** External events received but never waited for. */
	List<HistoryEvent.EventRaised> unconsumedEvents() {
		List<HistoryEvent.EventRaised> result = new ArrayList<>();
		for (Deque<HistoryEvent.EventRaised> queue : this.bufferedEvents.values()) {
			result.addAll(queue);
		}
		return result;
	}

	private static String expected(Kind kind, String name) {
		return switch (kind) {
			case ACTIVITY -> "callActivity(\"" + name + "\")";
			case SUB_ORCHESTRATION -> "callSubOrchestrator(\"" + name + "\")";
			case TIMER -> "createTimer(...)";
		};
	}

	private static String describe(HistoryEvent event) {
		if (event instanceof HistoryEvent.TaskScheduled e) {
			return "TaskScheduled(taskId=" + e.taskId() + ", name=" + e.name() + ")";
		}
		if (event instanceof HistoryEvent.TimerCreated e) {
			return "TimerCreated(taskId=" + e.taskId() + ", fireAt=" + e.fireAt() + ")";
		}
		if (event instanceof HistoryEvent.SubOrchestrationCreated e) {
			return "SubOrchestrationCreated(taskId=" + e.taskId() + ", name=" + e.name() + ")";
		}
		return event.getClass().getSimpleName();
	}

	enum Kind {

		ACTIVITY, TIMER, SUB_ORCHESTRATION

	}

	private record PendingCall(int taskId, Kind kind, String name, OrchestratorAction action) {
	}

	private record Completion(ReplayTask<?> task, Type resultType, String name, Kind kind) {

		@SuppressWarnings("unchecked")
		void complete(DataConverter converter, String result) {
			Object value = (this.resultType != null && result != null) ? converter.deserialize(result, this.resultType)
					: null;
			((ReplayTask<Object>) this.task).complete(value);
		}

	}

}
