package dev.funcboot.durable.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import dev.funcboot.durable.history.HistoryEvent;

/**
 * A store in memory, for tests and for trying orchestrations before a database is configured.
 * Nothing survives the process. Thread-safe (one monitor).
 */
public final class InMemoryOrchestrationStore implements OrchestrationStore, WorkNotifier {

	private final Map<String, InstanceState> instances = new LinkedHashMap<>();

	private final Map<String, List<HistoryEvent>> histories = new HashMap<>();

	private final Map<String, List<Message>> inboxes = new HashMap<>();

	private final Map<String, Lock> locks = new HashMap<>();

	private final Map<String, Activity> activities = new LinkedHashMap<>();

	private final WorkSignals signals = new WorkSignals();

	private long sequence;

	/** Runs the listener whenever new work is queued (to wake idle workers). */
	public void onWork(Runnable listener) {
		this.signals.onWork(listener);
	}

	@Override
	public void onWorkOfKind(Consumer<WorkKind> listener) {
		this.signals.onWorkOfKind(listener);
	}

	@Override
	public boolean createInstance(InstanceState instance, HistoryEvent.ExecutionStarted started, Instant visibleAt) {
		synchronized (this) {
			InstanceState existing = this.instances.get(instance.instanceId());
			if (existing != null && !existing.status().isTerminal()) {
				return false;
			}
			this.instances.put(instance.instanceId(), instance);
			this.histories.put(instance.instanceId(), new ArrayList<>());
			this.inboxes.remove(instance.instanceId());
			enqueue(instance.instanceId(), started, visibleAt);
		}
		this.signals.signal(1, 0);
		return true;
	}

	@Override
	public synchronized InstanceState getInstance(String instanceId) {
		return this.instances.get(instanceId);
	}

	@Override
	public synchronized List<HistoryEvent> getHistory(String instanceId) {
		return List.copyOf(this.histories.getOrDefault(instanceId, List.of()));
	}

	@Override
	public void sendMessage(String instanceId, HistoryEvent event, Instant visibleAt) {
		synchronized (this) {
			enqueue(instanceId, event, visibleAt);
		}
		this.signals.signal(1, 0);
	}

	@Override
	public synchronized Optional<OrchestrationWorkItem> lockNextOrchestration(String worker, Instant now,
			Duration lease) {
		String best = null;
		Message oldest = null;
		for (Map.Entry<String, List<Message>> inbox : this.inboxes.entrySet()) {
			String id = inbox.getKey();
			Lock lock = this.locks.get(id);
			if (lock != null && lock.until().isAfter(now)) {
				continue;
			}
			InstanceState instance = this.instances.get(id);
			for (Message message : inbox.getValue()) {
				if (message.visibleAt().isAfter(now) || !deliverable(instance, message)) {
					continue;
				}
				if (oldest == null || ORDER.compare(message, oldest) < 0) {
					oldest = message;
					best = id;
				}
				break;
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		InstanceState instance = this.instances.get(best);
		List<Message> visible = new ArrayList<>();
		for (Message message : this.inboxes.get(best)) {
			if (!message.visibleAt().isAfter(now) && deliverable(instance, message)) {
				visible.add(message);
			}
		}
		visible.sort(ORDER);
		List<InboxMessage> messages = new ArrayList<>(visible.size());
		for (Message message : visible) {
			messages.add(new InboxMessage(message.id(), message.event()));
		}
		Lock lock = new Lock(worker + ":" + UUID.randomUUID(), now.plus(lease));
		this.locks.put(best, lock);
		InstanceState state = (instance != null) ? instance
				: new InstanceState(best, null, null, null, null, null, null, now, now, null);
		return Optional.of(new OrchestrationWorkItem(state, getHistory(best), messages, lock.token(), lock.until()));
	}

	private static boolean deliverable(InstanceState instance, Message message) {
		if (instance == null || instance.status() != dev.funcboot.durable.OrchestrationStatus.SUSPENDED) {
			return true;
		}
		HistoryEvent event = message.event();
		return event instanceof HistoryEvent.ExecutionResumed || event instanceof HistoryEvent.ExecutionTerminated
				|| event instanceof HistoryEvent.ExecutionSuspended;
	}

	@Override
	public void commitStep(OrchestrationWorkItem item, StepCommit commit) {
		synchronized (this) {
			requireLock(item.instanceId(), item.lockToken());
			String id = item.instanceId();
			List<HistoryEvent> history = this.histories.computeIfAbsent(id, (k) -> new ArrayList<>());
			if (commit.replaceHistory()) {
				history.clear();
			}
			history.addAll(commit.newEvents());
			List<Message> inbox = this.inboxes.get(id);
			if (inbox != null) {
				inbox.removeIf((message) -> commit.consumedMessages().contains(message.id()));
				if (inbox.isEmpty()) {
					this.inboxes.remove(id);
				}
			}
			if (commit.state() != null) {
				this.instances.put(id, commit.state());
			}
			for (InstanceState child : commit.newInstances()) {
				InstanceState existing = this.instances.get(child.instanceId());
				if (existing == null || existing.status().isTerminal()) {
					this.instances.put(child.instanceId(), child);
					this.histories.put(child.instanceId(), new ArrayList<>());
				}
			}
			for (ActivityRequest request : commit.activities()) {
				String activityId = "a" + (++this.sequence);
				this.activities.put(activityId, new Activity(activityId, request, 0, null, Instant.MIN));
			}
			for (OutgoingMessage message : commit.messages()) {
				enqueue(message.instanceId(), message.event(), message.visibleAt());
			}
			this.locks.remove(id);
		}
		this.signals.signalStep(item.instanceId(), commit);
	}

	@Override
	public synchronized void abandonOrchestration(OrchestrationWorkItem item) {
		Lock lock = this.locks.get(item.instanceId());
		if (lock != null && lock.token().equals(item.lockToken())) {
			this.locks.remove(item.instanceId());
		}
	}

	@Override
	public synchronized Optional<ActivityWorkItem> lockNextActivity(String worker, Instant now, Duration lease) {
		for (Activity activity : this.activities.values()) {
			if (activity.lockedUntil().isAfter(now)) {
				continue;
			}
			Activity locked = new Activity(activity.id(), activity.request(), activity.dequeueCount() + 1,
					worker + ":" + UUID.randomUUID(), now.plus(lease));
			this.activities.put(activity.id(), locked);
			ActivityRequest request = activity.request();
			return Optional.of(new ActivityWorkItem(locked.id(), request.instanceId(), request.taskId(), request.name(),
					request.input(), locked.dequeueCount(), locked.lockToken(), locked.lockedUntil()));
		}
		return Optional.empty();
	}

	@Override
	public synchronized boolean renewActivityLease(ActivityWorkItem item, Instant now, Duration lease) {
		Activity activity = this.activities.get(item.id());
		if (activity == null || !item.lockToken().equals(activity.lockToken())) {
			return false;
		}
		this.activities.put(item.id(), new Activity(activity.id(), activity.request(), activity.dequeueCount(),
				activity.lockToken(), now.plus(lease)));
		return true;
	}

	@Override
	public void completeActivity(ActivityWorkItem item, HistoryEvent result, Instant now) {
		synchronized (this) {
			Activity activity = this.activities.get(item.id());
			if (activity == null || !item.lockToken().equals(activity.lockToken())) {
				throw new LeaseLostException("Activity " + item.name() + " #" + item.taskId() + " of instance "
						+ item.instanceId() + " was handed to another worker");
			}
			this.activities.remove(item.id());
			enqueue(item.instanceId(), result, now);
		}
		this.signals.signal(1, 0);
	}

	@Override
	public synchronized List<InstanceState> query(InstanceQuery query) {
		List<InstanceState> matches = new ArrayList<>();
		for (InstanceState instance : this.instances.values()) {
			if (query.statuses() != null && !query.statuses().contains(instance.status())) {
				continue;
			}
			if (query.namePrefix() != null && (instance.name() == null || !instance.name().startsWith(query.namePrefix()))) {
				continue;
			}
			if (query.createdFrom() != null && instance.createdAt().isBefore(query.createdFrom())) {
				continue;
			}
			if (query.createdTo() != null && instance.createdAt().isAfter(query.createdTo())) {
				continue;
			}
			matches.add(instance);
		}
		matches.sort(Comparator.comparing(InstanceState::createdAt).reversed().thenComparing(InstanceState::instanceId));
		int from = (query.continuationToken() != null) ? Integer.parseInt(query.continuationToken()) : 0;
		return List.copyOf(matches.subList(Math.min(from, matches.size()),
				Math.min(from + query.pageSize(), matches.size())));
	}

	@Override
	public synchronized boolean purge(String instanceId) {
		InstanceState instance = this.instances.get(instanceId);
		if (instance == null || !instance.status().isTerminal()) {
			return false;
		}
		this.instances.remove(instanceId);
		this.histories.remove(instanceId);
		this.inboxes.remove(instanceId);
		this.locks.remove(instanceId);
		this.activities.values().removeIf((activity) -> activity.request().instanceId().equals(instanceId));
		return true;
	}

	@Override
	public synchronized Instant nextVisibleAt() {
		Instant earliest = null;
		for (List<Message> inbox : this.inboxes.values()) {
			for (Message message : inbox) {
				if (earliest == null || message.visibleAt().isBefore(earliest)) {
					earliest = message.visibleAt();
				}
			}
		}
		return earliest;
	}

	/** Activity calls waiting or running, for tests. */
	public synchronized int pendingActivities() {
		return this.activities.size();
	}

	private void enqueue(String instanceId, HistoryEvent event, Instant visibleAt) {
		this.inboxes.computeIfAbsent(instanceId, (k) -> new ArrayList<>())
			.add(new Message("m" + (++this.sequence), event, visibleAt, this.sequence));
	}

	private void requireLock(String instanceId, String token) {
		Lock lock = this.locks.get(instanceId);
		if (lock == null || !lock.token().equals(token)) {
			throw new LeaseLostException("The lock on instance " + instanceId + " was lost before the step committed");
		}
	}

	private static final Comparator<Message> ORDER = Comparator.comparing(Message::visibleAt)
		.thenComparingLong(Message::sequence);

	private record Message(String id, HistoryEvent event, Instant visibleAt, long sequence) {
	}

	private record Lock(String token, Instant until) {
	}

	private record Activity(String id, ActivityRequest request, int dequeueCount, String lockToken,
			Instant lockedUntil) {
	}

}
