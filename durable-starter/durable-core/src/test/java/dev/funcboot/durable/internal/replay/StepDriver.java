package dev.funcboot.durable.internal.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.OrchestratorRegistration;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.json.JacksonDataConverter;

/**
 * Plays the runtime for executor tests, deterministically and in one thread: it runs steps
 * (each one {@code OrchestratorStarted(now)} plus the events that arrived), appends each step's
 * events and actions to the history, runs activities at once and delivers their results in the
 * next step, runs sub-orchestrations as instances of their own, fires timers when the clock
 * reaches them, and restarts an instance that continued as new. The clock moves only by
 * {@link #advance} and by {@link #stepTime} after each step. Not the product runtime: no store,
 * no locking, no retries of failed steps.
 */
final class StepDriver {

	static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

	private static final int MAX_STEPS = 10_000;

	private final OrchestrationExecutor executor;

	private final DataConverter converter;

	private final Map<String, Function<String, String>> activities = new LinkedHashMap<>();

	private final Map<String, Integer> activityCalls = new HashMap<>();

	private final Map<String, Instance> instances = new LinkedHashMap<>();

	private final List<Timer> timers = new ArrayList<>();

	private Instant now = T0;

	private Duration stepTime = Duration.ofSeconds(1);

	private boolean oneEventPerStep;

	private int timerSequence;

	/** A driver for these orchestrators. */
	static StepDriver of(OrchestratorRegistration... orchestrators) {
		return new StepDriver(OrchestratorCatalog.of(List.of(orchestrators)));
	}

	/** An orchestrator whose input is decoded as {@code inputType} (a lambda does not say). */
	static <I> OrchestratorRegistration orchestrator(String name, Class<I> inputType, Orchestrator<I, ?> code) {
		return new OrchestratorRegistration(name, code, inputType);
	}

	/** The simple type names of the events, to assert a history's shape. */
	static List<String> types(List<HistoryEvent> history) {
		return history.stream().map((event) -> event.getClass().getSimpleName()).toList();
	}

	/** The events of one type, in order. */
	static <E extends HistoryEvent> List<E> eventsOf(List<HistoryEvent> history, Class<E> type) {
		return history.stream().filter(type::isInstance).map(type::cast).toList();
	}

	StepDriver(OrchestratorCatalog catalog) {
		this.converter = new JacksonDataConverter();
		this.executor = new OrchestrationExecutor(catalog, this.converter);
	}

	/** An activity taking and returning text. */
	StepDriver activity(String name, Function<String, String> body) {
		return activity(name, String.class, body);
	}

	/** An activity; it fails the task when {@code body} throws. */
	<I> StepDriver activity(String name, Class<I> inputType, Function<I, ?> body) {
		this.activities.put(name, (input) -> this.converter.serialize(body.apply(this.converter.deserialize(input,
				inputType))));
		return this;
	}

	/** How far the clock moves after each step (one second unless set). */
	StepDriver stepTime(Duration stepTime) {
		this.stepTime = stepTime;
		return this;
	}

	/** Delivers one event per step instead of all that arrived, to spread results over steps. */
	StepDriver oneEventPerStep() {
		this.oneEventPerStep = true;
		return this;
	}

	OrchestrationExecutor executor() {
		return this.executor;
	}

	Instant now() {
		return this.now;
	}

	/** How many times the activity ran. */
	int calls(String activity) {
		return this.activityCalls.getOrDefault(activity, 0);
	}

	Instance instance(String instanceId) {
		Instance instance = this.instances.get(instanceId);
		if (instance == null) {
			throw new IllegalArgumentException("No instance '" + instanceId + "'; known: " + this.instances.keySet());
		}
		return instance;
	}

	/** Starts an instance and runs until nothing can happen without an event or the clock. */
	Instance start(String orchestrator, String instanceId, Object input) {
		Instance instance = create(orchestrator, instanceId, this.converter.serialize(input), null);
		runUntilIdle();
		return instance;
	}

	void raiseEvent(String instanceId, String name, Object payload) {
		deliver(instanceId, new HistoryEvent.EventRaised(this.now, name, this.converter.serialize(payload)));
	}

	void terminate(String instanceId, String reason) {
		deliver(instanceId, new HistoryEvent.ExecutionTerminated(this.now, reason));
	}

	/** Delivers any events (a duplicate result, say) in the instance's next step. */
	void deliver(String instanceId, HistoryEvent... events) {
		Instance instance = instance(instanceId);
		if (instance.status != OrchestrationStatus.RUNNING) {
			throw new IllegalStateException("Instance '" + instanceId + "' is " + instance.status);
		}
		instance.inbox.addAll(List.of(events));
		runUntilIdle();
	}

	/** Moves the clock, fires the timers due by then, and runs until idle. */
	void advance(Duration duration) {
		this.now = this.now.plus(duration);
		runUntilIdle();
	}

	private Instance create(String name, String instanceId, String input, HistoryEvent.ParentInstance parent) {
		if (this.instances.containsKey(instanceId)) {
			throw new IllegalStateException("Instance '" + instanceId + "' exists already");
		}
		Instance instance = new Instance(instanceId, parent);
		instance.begin(new HistoryEvent.ExecutionStarted(this.now, name, instanceId, input, parent));
		this.instances.put(instanceId, instance);
		return instance;
	}

	private void runUntilIdle() {
		for (int steps = 0; steps < MAX_STEPS; steps++) {
			fireDueTimers();
			Instance ready = null;
			for (Instance instance : this.instances.values()) {
				if (instance.status == OrchestrationStatus.RUNNING && instance.hasWork()) {
					ready = instance;
					break;
				}
			}
			if (ready == null) {
				return;
			}
			step(ready);
			this.now = this.now.plus(this.stepTime);
		}
		throw new IllegalStateException("Still busy after " + MAX_STEPS + " steps: an orchestration that never waits?");
	}

	private void fireDueTimers() {
		List<Timer> due = new ArrayList<>();
		for (Timer timer : this.timers) {
			if (!timer.fireAt().isAfter(this.now)) {
				due.add(timer);
			}
		}
		due.sort(Comparator.comparing(Timer::fireAt).thenComparing(Timer::sequence));
		for (Timer timer : due) {
			this.timers.remove(timer);
			instance(timer.instanceId()).inbox.add(new HistoryEvent.TimerFired(this.now, timer.taskId(), timer.fireAt()));
		}
	}

	private void step(Instance instance) {
		List<HistoryEvent> newEvents = new ArrayList<>();
		if (instance.history.isEmpty()) {
			newEvents.add(instance.started);
		}
		newEvents.add(new HistoryEvent.OrchestratorStarted(this.now));
		do {
			HistoryEvent event = instance.inbox.poll();
			if (event != null) {
				newEvents.add(event);
			}
		}
		while (!this.oneEventPerStep && !instance.inbox.isEmpty());
		List<HistoryEvent> past = List.copyOf(instance.history);
		ExecutionResult result = this.executor.execute(past, List.copyOf(newEvents));
		instance.steps.add(new Step(past, List.copyOf(newEvents), result));
		instance.history.addAll(newEvents);
		instance.history.addAll(result.toEvents(this.now));
		instance.customStatus = result.customStatus();
		for (OrchestratorAction action : result.actions()) {
			perform(instance, action);
		}
	}

	private void perform(Instance instance, OrchestratorAction action) {
		if (action instanceof OrchestratorAction.ScheduleTask task) {
			instance.inbox.add(runActivity(task));
		}
		else if (action instanceof OrchestratorAction.CreateTimer timer) {
			this.timers.add(new Timer(instance.id, timer.taskId(), timer.fireAt(), this.timerSequence++));
		}
		else if (action instanceof OrchestratorAction.CreateSubOrchestration sub) {
			create(sub.name(), sub.instanceId(), sub.input(),
					new HistoryEvent.ParentInstance(instance.id, instance.started.name(), sub.taskId()));
		}
		else if (action instanceof OrchestratorAction.CompleteOrchestration done) {
			finish(instance, done);
		}
	}

	private HistoryEvent runActivity(OrchestratorAction.ScheduleTask task) {
		this.activityCalls.merge(task.name(), 1, Integer::sum);
		Function<String, String> body = this.activities.get(task.name());
		if (body == null) {
			return new HistoryEvent.TaskFailed(this.now, task.taskId(), new FailureDetails(
					IllegalStateException.class.getName(), "No activity named '" + task.name() + "'; known activities: "
							+ this.activities.keySet(), null));
		}
		try {
			return new HistoryEvent.TaskCompleted(this.now, task.taskId(), body.apply(task.input()));
		}
		catch (RuntimeException ex) {
			// no stack trace: histories stay stable enough for golden files
			return new HistoryEvent.TaskFailed(this.now, task.taskId(),
					new FailureDetails(ex.getClass().getName(), ex.getMessage(), null));
		}
	}

	private void finish(Instance instance, OrchestratorAction.CompleteOrchestration done) {
		this.timers.removeIf((timer) -> timer.instanceId().equals(instance.id));
		if (done.status() == OrchestrationStatus.CONTINUED_AS_NEW) {
			List<HistoryEvent> leftover = new ArrayList<>(instance.inbox);
			instance.archive();
			instance.inbox.addAll(done.carryOverEvents());
			for (HistoryEvent event : leftover) {
				if (event instanceof HistoryEvent.EventRaised) {
					instance.inbox.add(event); // results of the old execution's tasks are dropped
				}
			}
			instance.begin(new HistoryEvent.ExecutionStarted(this.now, instance.started.name(), instance.id,
					done.result(), instance.parent));
			return;
		}
		instance.status = done.status();
		instance.output = done.result();
		instance.failure = done.failure();
		instance.inbox.clear();
		if (instance.parent != null) {
			Instance parent = instance(instance.parent.instanceId());
			int taskId = instance.parent.taskId();
			parent.inbox.add((done.status() == OrchestrationStatus.COMPLETED)
					? new HistoryEvent.SubOrchestrationCompleted(this.now, taskId, done.result())
					: new HistoryEvent.SubOrchestrationFailed(this.now, taskId, (done.failure() != null) ? done.failure()
							: new FailureDetails("Terminated", "Sub-orchestration " + instance.id + " was terminated",
									null)));
		}
	}

	/** One step as the executor saw it. */
	record Step(List<HistoryEvent> past, List<HistoryEvent> newEvents, ExecutionResult result) {
	}

	private record Timer(String instanceId, int taskId, Instant fireAt, int sequence) {
	}

	/** An instance: its current execution's history and steps, and the executions before it. */
	static final class Instance {

		private final String id;

		private final HistoryEvent.ParentInstance parent;

		private final List<List<HistoryEvent>> pastExecutions = new ArrayList<>();

		private final List<List<Step>> pastSteps = new ArrayList<>();

		private final Deque<HistoryEvent> inbox = new ArrayDeque<>();

		private List<HistoryEvent> history = new ArrayList<>();

		private List<Step> steps = new ArrayList<>();

		private HistoryEvent.ExecutionStarted started;

		private OrchestrationStatus status = OrchestrationStatus.RUNNING;

		private String output;

		private FailureDetails failure;

		private String customStatus;

		private Instance(String id, HistoryEvent.ParentInstance parent) {
			this.id = id;
			this.parent = parent;
		}

		private void begin(HistoryEvent.ExecutionStarted started) {
			this.started = started;
		}

		private void archive() {
			this.pastExecutions.add(List.copyOf(this.history));
			this.pastSteps.add(List.copyOf(this.steps));
			this.history = new ArrayList<>();
			this.steps = new ArrayList<>();
		}

		private boolean hasWork() {
			return this.history.isEmpty() || !this.inbox.isEmpty();
		}

		String id() {
			return this.id;
		}

		/** {@code RUNNING} while it waits, then how it ended. */
		OrchestrationStatus status() {
			return this.status;
		}

		/** The output's text once completed. */
		String output() {
			return this.output;
		}

		FailureDetails failure() {
			return this.failure;
		}

		String customStatus() {
			return this.customStatus;
		}

		/** The current execution's history. */
		List<HistoryEvent> history() {
			return List.copyOf(this.history);
		}

		/** The current execution's steps. */
		List<Step> steps() {
			return List.copyOf(this.steps);
		}

		/** Every execution's history, oldest first (more than one after continue-as-new). */
		List<List<HistoryEvent>> executions() {
			List<List<HistoryEvent>> all = new ArrayList<>(this.pastExecutions);
			all.add(history());
			return all;
		}

		/** Every execution's steps, oldest first. */
		List<List<Step>> executionSteps() {
			List<List<Step>> all = new ArrayList<>(this.pastSteps);
			all.add(steps());
			return all;
		}

		/** Every execution's history concatenated: what a golden file holds. */
		List<HistoryEvent> fullHistory() {
			List<HistoryEvent> all = new ArrayList<>();
			executions().forEach(all::addAll);
			return all;
		}

	}

}
