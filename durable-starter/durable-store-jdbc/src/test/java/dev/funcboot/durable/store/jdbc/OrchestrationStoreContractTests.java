package dev.funcboot.durable.store.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.store.ActivityRequest;
import dev.funcboot.durable.store.ActivityWorkItem;
import dev.funcboot.durable.store.InboxMessage;
import dev.funcboot.durable.store.InstanceQuery;
import dev.funcboot.durable.store.InstanceState;
import dev.funcboot.durable.store.LeaseLostException;
import dev.funcboot.durable.store.OrchestrationStore;
import dev.funcboot.durable.store.OrchestrationWorkItem;
import dev.funcboot.durable.store.OutgoingMessage;
import dev.funcboot.durable.store.StepCommit;
import dev.funcboot.durable.store.WorkKind;
import dev.funcboot.durable.store.WorkNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link OrchestrationStore} must do, written against the SPI alone: each store's
 * test class extends this one and says how to make an empty store.
 */
abstract class OrchestrationStoreContractTests {

	static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	static final Duration LEASE = Duration.ofMinutes(1);

	OrchestrationStore store;

	/** An empty store. */
	protected abstract OrchestrationStore createStore() throws Exception;

	/** Releases what {@link #createStore()} opened. */
	protected void closeStore() throws Exception {
	}

	@BeforeEach
	void openStore() throws Exception {
		this.store = createStore();
	}

	@AfterEach
	void releaseStore() throws Exception {
		closeStore();
	}

	// --- instances

	@Test
	void createdInstanceIsReadBack() {
		InstanceState state = pending("i-1", "approval", T0);
		assertThat(this.store.createInstance(state, started("i-1", "approval"), T0)).isTrue();
		assertThat(this.store.getInstance("i-1")).isEqualTo(state);
		assertThat(this.store.getHistory("i-1")).isEmpty();
		assertThat(this.store.getInstance("unknown")).isNull();
		assertThat(this.store.getHistory("unknown")).isEmpty();
	}

	@Test
	void everyInstanceFieldIsReadBack() {
		InstanceState state = new InstanceState("i-1", "approval", OrchestrationStatus.FAILED, "{\"in\":\"é\"}",
				"\"out\"", "\"custom\"", new FailureDetails("java.lang.IllegalStateException", "bad 'state'",
						"java.lang.IllegalStateException: bad\n\tat x.y(Z.java:1)\n"),
				T0.plusMillis(1), T0.plusSeconds(5).plusNanos(123_000),
				new HistoryEvent.ParentInstance("parent-1", "outer", 7));
		this.store.createInstance(state, started("i-1", "approval"), T0);
		assertThat(this.store.getInstance("i-1")).isEqualTo(state);
	}

	@Test
	void runningInstanceIsNotCreatedTwice() {
		this.store.createInstance(pending("i-1", "first", T0), started("i-1", "first"), T0);
		assertThat(this.store.createInstance(pending("i-1", "second", T0.plusSeconds(1)), started("i-1", "second"),
				T0.plusSeconds(1))).isFalse();
		assertThat(this.store.getInstance("i-1").name()).isEqualTo("first");
		OrchestrationWorkItem item = lock("w", T0.plusSeconds(2));
		assertThat(item.messages()).extracting(InboxMessage::event).containsExactly(started("i-1", "first"));
	}

	@Test
	void endedInstanceIsReplacedByANewOne() {
		this.store.createInstance(pending("i-1", "first", T0), started("i-1", "first"), T0);
		OrchestrationWorkItem item = lock("w", T0);
		this.store.commitStep(item, step(List.of(started("i-1", "first"), completed()), ids(item),
				pending("i-1", "first", T0).withStatus(OrchestrationStatus.COMPLETED, T0)));
		this.store.sendMessage("i-1", raised("late", T0), T0);
		InstanceState second = pending("i-1", "second", T0.plusSeconds(10));
		assertThat(this.store.createInstance(second, started("i-1", "second"), T0.plusSeconds(10))).isTrue();
		assertThat(this.store.getInstance("i-1")).isEqualTo(second);
		assertThat(this.store.getHistory("i-1")).isEmpty();
		// the ended execution's inbox went with it
		assertThat(lock("w", T0.plusSeconds(10)).messages()).extracting(InboxMessage::event)
			.containsExactly(started("i-1", "second"));
	}

	// --- history

	@Test
	void historyGrowsStepByStep() {
		create("i-1", T0);
		OrchestrationWorkItem first = lock("w", T0);
		assertThat(first.history()).isEmpty();
		List<HistoryEvent> firstEvents = List.of(started("i-1", "orch"), new HistoryEvent.OrchestratorStarted(T0),
				new HistoryEvent.TaskScheduled(T0, 0, "hello", "\"x\""));
		this.store.commitStep(first, step(firstEvents, ids(first), running("i-1", T0)));
		this.store.sendMessage("i-1", new HistoryEvent.TaskCompleted(T0.plusSeconds(1), 0, "\"hi\""),
				T0.plusSeconds(1));
		OrchestrationWorkItem second = lock("w", T0.plusSeconds(1));
		assertThat(second.history()).isEqualTo(firstEvents);
		List<HistoryEvent> secondEvents = List.of(new HistoryEvent.OrchestratorStarted(T0.plusSeconds(1)),
				new HistoryEvent.TaskCompleted(T0.plusSeconds(1), 0, "\"hi\""));
		this.store.commitStep(second, step(secondEvents, ids(second), running("i-1", T0.plusSeconds(1))));
		List<HistoryEvent> all = new ArrayList<>(firstEvents);
		all.addAll(secondEvents);
		assertThat(this.store.getHistory("i-1")).isEqualTo(all);
	}

	@Test
	void continueAsNewReplacesTheHistory() {
		create("i-1", T0);
		OrchestrationWorkItem first = lock("w", T0);
		this.store.commitStep(first, step(List.of(started("i-1", "orch"), new HistoryEvent.OrchestratorStarted(T0)),
				ids(first), running("i-1", T0)));
		this.store.sendMessage("i-1", raised("next", T0), T0);
		OrchestrationWorkItem second = lock("w", T0);
		HistoryEvent fresh = new HistoryEvent.ExecutionStarted(T0, "orch", "i-1", "2", null);
		this.store.commitStep(second, new StepCommit(List.of(fresh), true, ids(second), running("i-1", T0), List.of(),
				List.of(), List.of()));
		assertThat(this.store.getHistory("i-1")).containsExactly(fresh);
	}

	@Test
	void everyEventTypeIsStoredExactly() {
		List<HistoryEvent> events = everyEventType();
		assertThat(events.stream().map(Object::getClass).distinct())
			.as("every HistoryEvent type is covered")
			.hasSize(HistoryEvent.class.getPermittedSubclasses().length);
		create("i-1", T0);
		OrchestrationWorkItem item = lock("w", T0);
		this.store.commitStep(item, step(events, ids(item), running("i-1", T0)));
		assertThat(this.store.getHistory("i-1")).isEqualTo(events);
		for (HistoryEvent event : events) {
			this.store.sendMessage("i-2", event, T0);
		}
		assertThat(lock("w", T0).messages()).extracting(InboxMessage::event).isEqualTo(events);
	}

	// --- inbox

	@Test
	void messagesAreHandedOutOnceVisibleOldestFirst() {
		create("i-1", T0);
		this.store.sendMessage("i-1", raised("c", T0), T0.plusSeconds(10));
		this.store.sendMessage("i-1", raised("a", T0), T0.plusSeconds(5));
		this.store.sendMessage("i-1", raised("b", T0), T0.plusSeconds(5));
		OrchestrationWorkItem first = lock("w", T0);
		assertThat(first.messages()).extracting(InboxMessage::event).containsExactly(started("i-1", "orch"));
		this.store.commitStep(first, step(List.of(), ids(first), running("i-1", T0)));
		assertThat(this.store.lockNextOrchestration("w", T0.plusSeconds(4), LEASE)).isEmpty();
		assertThat(lock("w", T0.plusSeconds(7)).messages()).extracting(InboxMessage::event)
			.containsExactly(raised("a", T0), raised("b", T0));
	}

	@Test
	void allVisibleMessagesComeInVisibilityThenArrivalOrder() {
		create("i-1", T0);
		OrchestrationWorkItem first = lock("w", T0);
		this.store.commitStep(first, step(List.of(), ids(first), running("i-1", T0)));
		this.store.sendMessage("i-1", raised("c", T0), T0.plusSeconds(10));
		this.store.sendMessage("i-1", raised("a", T0), T0.plusSeconds(5));
		this.store.sendMessage("i-1", raised("b", T0), T0.plusSeconds(5));
		assertThat(lock("w", T0.plusSeconds(10)).messages()).extracting(InboxMessage::event)
			.containsExactly(raised("a", T0), raised("b", T0), raised("c", T0));
	}

	@Test
	void instanceWithTheOldestVisibleMessageGoesFirst() {
		create("late", T0);
		create("early", T0);
		create("future", T0);
		for (int i = 0; i < 3; i++) {
			OrchestrationWorkItem item = lock("w", T0);
			this.store.commitStep(item, step(List.of(), ids(item), running(item.instanceId(), T0)));
		}
		this.store.sendMessage("late", raised("x", T0), T0.plusSeconds(2));
		this.store.sendMessage("early", raised("x", T0), T0.plusSeconds(1));
		this.store.sendMessage("future", raised("x", T0), T0.plusSeconds(60));
		assertThat(lock("w", T0.plusSeconds(3)).instanceId()).isEqualTo("early");
		assertThat(lock("w", T0.plusSeconds(3)).instanceId()).isEqualTo("late");
		assertThat(this.store.lockNextOrchestration("w", T0.plusSeconds(3), LEASE)).isEmpty();
	}

	@Test
	void nextVisibleAtIsTheEarliestMessage() {
		assertThat(this.store.nextVisibleAt()).isNull();
		create("i-1", T0.plusSeconds(30));
		this.store.sendMessage("i-1", raised("x", T0), T0.plusSeconds(20));
		this.store.sendMessage("i-1", raised("y", T0), T0.plusSeconds(90));
		assertThat(this.store.nextVisibleAt()).isEqualTo(T0.plusSeconds(20));
		OrchestrationWorkItem item = lock("w", T0.plusSeconds(30));
		this.store.commitStep(item, step(List.of(), ids(item), running("i-1", T0.plusSeconds(30))));
		assertThat(this.store.nextVisibleAt()).isEqualTo(T0.plusSeconds(90));
	}

	@Test
	void messagesForAnUnknownInstanceAreHandedOutToBeDropped() {
		this.store.sendMessage("ghost", raised("x", T0), T0);
		assertThat(this.store.getInstance("ghost")).isNull();
		assertThat(this.store.query(InstanceQuery.all())).isEmpty();
		OrchestrationWorkItem item = lock("w", T0);
		assertThat(item.instanceId()).isEqualTo("ghost");
		assertThat(item.instance().status()).isNull();
		assertThat(item.messages()).extracting(InboxMessage::event).containsExactly(raised("x", T0));
		this.store.commitStep(item, step(List.of(), ids(item), null));
		assertThat(this.store.nextVisibleAt()).isNull();
		assertThat(this.store.lockNextOrchestration("w", T0, LEASE)).isEmpty();
		assertThat(this.store.getInstance("ghost")).isNull();
	}

	// --- locks

	@Test
	void lockedInstanceIsNotHandedOutTwice() {
		create("i-1", T0);
		OrchestrationWorkItem item = lock("w1", T0);
		assertThat(item.lockedUntil()).isEqualTo(T0.plus(LEASE));
		this.store.sendMessage("i-1", raised("x", T0), T0);
		assertThat(this.store.lockNextOrchestration("w2", T0.plusSeconds(1), LEASE)).isEmpty();
		this.store.commitStep(item, step(List.of(), ids(item), running("i-1", T0)));
		OrchestrationWorkItem next = lock("w2", T0.plusSeconds(1));
		assertThat(next.messages()).extracting(InboxMessage::event).containsExactly(raised("x", T0));
		assertThat(next.lockToken()).isNotEqualTo(item.lockToken());
	}

	@Test
	void expiredLeaseIsTakenOver() {
		create("i-1", T0);
		OrchestrationWorkItem first = lock("w1", T0);
		assertThat(this.store.lockNextOrchestration("w2", T0.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
		OrchestrationWorkItem second = lock("w2", T0.plus(LEASE));
		assertThat(second.instanceId()).isEqualTo("i-1");
		assertThat(second.lockToken()).isNotEqualTo(first.lockToken());
		assertThat(second.messages()).isEqualTo(first.messages());
	}

	@Test
	void commitWithALostLeaseChangesNothing() {
		create("other", T0);
		create("i-1", T0);
		OrchestrationWorkItem otherItem = lock("w", T0);
		assertThat(otherItem.instanceId()).isEqualTo("other");
		OrchestrationWorkItem stale = lock("w1", T0);
		assertThat(stale.instanceId()).isEqualTo("i-1");
		this.store.commitStep(otherItem, step(List.of(), ids(otherItem), running("other", T0)));
		OrchestrationWorkItem current = lock("w2", T0.plus(LEASE));
		assertThat(current.instanceId()).isEqualTo("i-1");
		StepCommit lost = new StepCommit(List.of(started("i-1", "orch"), completed()), false, ids(stale),
				running("i-1", T0).withStatus(OrchestrationStatus.COMPLETED, T0),
				List.of(new ActivityRequest("i-1", 0, "hello", "\"x\"")),
				List.of(new OutgoingMessage("other", raised("from stale", T0), T0),
						new OutgoingMessage("child", started("child", "sub"), T0)),
				List.of(pending("child", "sub", T0)));
		assertThatExceptionOfType(LeaseLostException.class).isThrownBy(() -> this.store.commitStep(stale, lost));
		assertThat(this.store.getHistory("i-1")).isEmpty();
		assertThat(this.store.getInstance("i-1").status()).isEqualTo(OrchestrationStatus.PENDING);
		assertThat(this.store.getInstance("child")).isNull();
		assertThat(this.store.lockNextActivity("w", T0.plus(LEASE), LEASE)).isEmpty();
		assertThat(this.store.lockNextOrchestration("w", T0.plus(LEASE), LEASE)).isEmpty();
		// the new holder's commit goes through, consuming the same messages
		this.store.commitStep(current, step(List.of(started("i-1", "orch")), ids(current), running("i-1", T0)));
		assertThat(this.store.getHistory("i-1")).containsExactly(started("i-1", "orch"));
		assertThat(this.store.nextVisibleAt()).isNull();
	}

	@Test
	void commitOnAPurgedInstanceLosesTheLease() {
		create("i-1", T0);
		OrchestrationWorkItem first = lock("w", T0);
		this.store.commitStep(first, step(List.of(started("i-1", "orch"), completed()), ids(first),
				running("i-1", T0).withStatus(OrchestrationStatus.COMPLETED, T0)));
		this.store.sendMessage("i-1", raised("late", T0), T0);
		OrchestrationWorkItem stale = lock("w", T0);
		assertThat(this.store.purge("i-1")).isTrue();
		assertThatExceptionOfType(LeaseLostException.class)
			.isThrownBy(() -> this.store.commitStep(stale, step(List.of(), ids(stale), null)));
		assertThat(this.store.getInstance("i-1")).isNull();
		assertThat(this.store.nextVisibleAt()).isNull();
	}

	@Test
	void abandonedInstanceIsHandedOutAgainWithItsMessages() {
		create("i-1", T0);
		OrchestrationWorkItem first = lock("w1", T0);
		this.store.abandonOrchestration(first);
		OrchestrationWorkItem second = lock("w2", T0);
		assertThat(second.messages()).isEqualTo(first.messages());
		// a stale holder abandoning does not release the current one
		this.store.abandonOrchestration(first);
		assertThat(this.store.lockNextOrchestration("w3", T0, LEASE)).isEmpty();
	}

	@Test
	void suspendedInstanceIsHandedOutOnlyForLifecycleMessages() {
		create("i-1", T0);
		OrchestrationWorkItem first = lock("w", T0);
		this.store.commitStep(first,
				step(List.of(), ids(first), running("i-1", T0).withStatus(OrchestrationStatus.SUSPENDED, T0)));
		this.store.sendMessage("i-1", raised("x", T0), T0);
		assertThat(this.store.lockNextOrchestration("w", T0, LEASE)).isEmpty();
		HistoryEvent resumed = new HistoryEvent.ExecutionResumed(T0.plusSeconds(1), "go on");
		this.store.sendMessage("i-1", resumed, T0.plusSeconds(1));
		OrchestrationWorkItem resume = lock("w", T0.plusSeconds(1));
		assertThat(resume.instance().status()).isEqualTo(OrchestrationStatus.SUSPENDED);
		assertThat(resume.messages()).extracting(InboxMessage::event).containsExactly(resumed);
		this.store.commitStep(resume, step(List.of(resumed), ids(resume), running("i-1", T0.plusSeconds(1))));
		assertThat(lock("w", T0.plusSeconds(1)).messages()).extracting(InboxMessage::event)
			.containsExactly(raised("x", T0));
	}

	@Test
	void suspendedInstanceIsHandedOutToBeTerminatedOrSuspended() {
		create("i-1", T0);
		OrchestrationWorkItem first = lock("w", T0);
		this.store.commitStep(first,
				step(List.of(), ids(first), running("i-1", T0).withStatus(OrchestrationStatus.SUSPENDED, T0)));
		HistoryEvent suspended = new HistoryEvent.ExecutionSuspended(T0, "again");
		HistoryEvent terminated = new HistoryEvent.ExecutionTerminated(T0, "stop");
		this.store.sendMessage("i-1", raised("x", T0), T0);
		this.store.sendMessage("i-1", suspended, T0);
		this.store.sendMessage("i-1", terminated, T0);
		assertThat(lock("w", T0).messages()).extracting(InboxMessage::event).containsExactly(suspended, terminated);
	}

	@Test
	void concurrentClaimersNeverShareAnInstance() throws Exception {
		int count = 200;
		for (int i = 0; i < count; i++) {
			create("i-" + i, T0);
		}
		List<String> claimed = claimConcurrently(
				() -> this.store.lockNextOrchestration(Thread.currentThread().getName(), T0, LEASE)
					.map(OrchestrationWorkItem::instanceId));
		assertThat(claimed).hasSize(count).doesNotHaveDuplicates();
	}

	// --- activities

	@Test
	void heartbeatsKeepARunningActivitysLease() {
		create("i-1", T0);
		OrchestrationWorkItem item = lock("w", T0);
		this.store.commitStep(item, new StepCommit(List.of(), false, ids(item), running("i-1", T0),
				List.of(new ActivityRequest("i-1", 3, "hello", "\"Tokyo\"")), List.of(), List.of()));
		ActivityWorkItem running = this.store.lockNextActivity("a1", T0, LEASE).orElseThrow();
		assertThat(this.store.renewActivityLease(running, T0.plusSeconds(50), LEASE)).isTrue();
		assertThat(this.store.lockNextActivity("a2", T0.plusSeconds(100), LEASE)).as("renewed until T0+110s").isEmpty();
		ActivityWorkItem taken = this.store.lockNextActivity("a2", T0.plusSeconds(111), LEASE).orElseThrow();
		assertThat(taken.dequeueCount()).isEqualTo(2);
		assertThat(this.store.renewActivityLease(running, T0.plusSeconds(112), LEASE)).as("lease lost").isFalse();
		assertThat(this.store.renewActivityLease(taken, T0.plusSeconds(112), LEASE)).isTrue();
	}

	@Test
	void activityIsLeasedAndHandedOutAgainWhenTheLeaseEnds() {
		create("i-1", T0);
		OrchestrationWorkItem item = lock("w", T0);
		this.store.commitStep(item, new StepCommit(List.of(), false, ids(item), running("i-1", T0),
				List.of(new ActivityRequest("i-1", 3, "hello", "\"Tokyo\"")), List.of(), List.of()));
		ActivityWorkItem first = this.store.lockNextActivity("a1", T0, LEASE).orElseThrow();
		assertThat(first).extracting(ActivityWorkItem::instanceId, ActivityWorkItem::taskId, ActivityWorkItem::name,
				ActivityWorkItem::input, ActivityWorkItem::dequeueCount, ActivityWorkItem::lockedUntil)
			.containsExactly("i-1", 3, "hello", "\"Tokyo\"", 1, T0.plus(LEASE));
		assertThat(this.store.lockNextActivity("a2", T0.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
		ActivityWorkItem second = this.store.lockNextActivity("a2", T0.plus(LEASE), LEASE).orElseThrow();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.dequeueCount()).isEqualTo(2);
		assertThat(second.lockToken()).isNotEqualTo(first.lockToken());
		HistoryEvent late = new HistoryEvent.TaskCompleted(T0.plusSeconds(70), 3, "\"late\"");
		assertThatExceptionOfType(LeaseLostException.class)
			.isThrownBy(() -> this.store.completeActivity(first, late, T0.plusSeconds(70)));
		assertThat(this.store.nextVisibleAt()).isNull();
		HistoryEvent result = new HistoryEvent.TaskCompleted(T0.plusSeconds(71), 3, "\"Hello Tokyo\"");
		this.store.completeActivity(second, result, T0.plusSeconds(71));
		assertThat(this.store.lockNextActivity("a3", T0.plus(LEASE).plus(LEASE), LEASE)).isEmpty();
		assertThatExceptionOfType(LeaseLostException.class)
			.isThrownBy(() -> this.store.completeActivity(second, result, T0.plusSeconds(72)));
		assertThat(lock("w", T0.plusSeconds(71)).messages()).extracting(InboxMessage::event).containsExactly(result);
	}

	@Test
	void newActivityIsDueEvenToAClaimerWhoseClockIsBehind() {
		create("i-1", T0);
		OrchestrationWorkItem item = lock("w", T0);
		this.store.commitStep(item, new StepCommit(List.of(), false, ids(item), running("i-1", T0.plusSeconds(2)),
				List.of(new ActivityRequest("i-1", 0, "hello", null)), List.of(), List.of()));
		ActivityWorkItem activity = this.store.lockNextActivity("behind", T0.plusSeconds(1), LEASE).orElseThrow();
		assertThat(activity.lockedUntil()).isEqualTo(T0.plusSeconds(1).plus(LEASE));
	}

	@Test
	void concurrentClaimersNeverShareAnActivity() throws Exception {
		int count = 200;
		create("i-1", T0);
		OrchestrationWorkItem item = lock("w", T0);
		List<ActivityRequest> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add(new ActivityRequest("i-1", i, "work", Integer.toString(i)));
		}
		this.store.commitStep(item,
				new StepCommit(List.of(), false, ids(item), running("i-1", T0), requests, List.of(), List.of()));
		List<String> claimed = claimConcurrently(() -> this.store
			.lockNextActivity(Thread.currentThread().getName(), T0, LEASE)
			.map((activity) -> activity.taskId() + "/" + activity.dequeueCount()));
		assertThat(claimed).hasSize(count).doesNotHaveDuplicates().allMatch((claim) -> claim.endsWith("/1"));
	}

	// --- steps that create instances and send messages

	@Test
	void stepCreatesChildrenAndMessagesOtherInstances() {
		create("parent", T0);
		create("busy", T0);
		OrchestrationWorkItem busyStart = lock("w", T0);
		OrchestrationWorkItem item = lock("w", T0);
		if (item.instanceId().equals("busy")) {
			OrchestrationWorkItem swap = item;
			item = busyStart;
			busyStart = swap;
		}
		this.store.commitStep(busyStart, step(List.of(), ids(busyStart), running("busy", T0)));
		InstanceState child = new InstanceState("child", "sub", OrchestrationStatus.PENDING, "\"in\"", null, null,
				null, T0, T0, new HistoryEvent.ParentInstance("parent", "orch", 4));
		InstanceState notReplaced = pending("busy", "replacement", T0);
		HistoryEvent childStart = new HistoryEvent.ExecutionStarted(T0, "sub", "child", "\"in\"",
				child.parent());
		HistoryEvent timer = new HistoryEvent.TimerFired(T0.plusSeconds(30), 5, T0.plusSeconds(30));
		this.store.commitStep(item, new StepCommit(List.of(), false, ids(item), running("parent", T0), List.of(),
				List.of(new OutgoingMessage("child", childStart, T0), new OutgoingMessage("busy", raised("hi", T0), T0),
						new OutgoingMessage("parent", timer, T0.plusSeconds(30))),
				List.of(child, notReplaced)));
		assertThat(this.store.getInstance("child")).isEqualTo(child);
		assertThat(this.store.getInstance("busy").name()).isEqualTo("orch");
		List<String> order = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			OrchestrationWorkItem next = lock("w", T0);
			order.add(next.instanceId() + ":" + next.messages().size());
			if (next.instanceId().equals("child")) {
				assertThat(next.messages()).extracting(InboxMessage::event).containsExactly(childStart);
			}
		}
		assertThat(order).containsExactlyInAnyOrder("child:1", "busy:1");
		assertThat(this.store.nextVisibleAt()).isEqualTo(T0);
		assertThat(lock("w", T0.plusSeconds(30)).messages()).extracting(InboxMessage::event).containsExactly(timer);
	}

	@Test
	void workIsSignalledByKind() {
		List<WorkKind> kinds = new ArrayList<>();
		((WorkNotifier) this.store).onWorkOfKind(kinds::add);
		create("i-1", T0);
		assertThat(kinds).containsExactly(WorkKind.ORCHESTRATION);
		OrchestrationWorkItem item = lock("w", T0);
		this.store.commitStep(item, new StepCommit(List.of(), false, ids(item), running("i-1", T0),
				List.of(new ActivityRequest("i-1", 0, "a", null), new ActivityRequest("i-1", 1, "a", null)),
				List.of(new OutgoingMessage("other", raised("e", T0), T0)), List.of()));
		// the step's own instance (released) and the other one; one per activity call
		assertThat(kinds).containsExactly(WorkKind.ORCHESTRATION, WorkKind.ORCHESTRATION, WorkKind.ORCHESTRATION,
				WorkKind.ACTIVITY, WorkKind.ACTIVITY);
		kinds.clear();
		ActivityWorkItem call = this.store.lockNextActivity("w", T0, LEASE).orElseThrow();
		this.store.completeActivity(call, new HistoryEvent.TaskCompleted(T0, call.taskId(), null), T0);
		this.store.sendMessage("i-1", raised("e", T0), T0);
		assertThat(kinds).containsExactly(WorkKind.ORCHESTRATION, WorkKind.ORCHESTRATION);
	}

	// --- query and purge

	@Test
	void queryFiltersNewestFirst() {
		createWith("a", "order-intake", OrchestrationStatus.COMPLETED, T0.plusSeconds(1));
		createWith("b", "order-intake", OrchestrationStatus.RUNNING, T0.plusSeconds(2));
		createWith("c", "orderXintake", OrchestrationStatus.FAILED, T0.plusSeconds(3));
		createWith("d", "invoice", OrchestrationStatus.COMPLETED, T0.plusSeconds(4));
		createWith("e", "order_%", OrchestrationStatus.PENDING, T0.plusSeconds(4));
		assertThat(ids(this.store.query(InstanceQuery.all()))).containsExactly("d", "e", "c", "b", "a");
		assertThat(ids(this.store.query(new InstanceQuery(EnumSet.of(OrchestrationStatus.COMPLETED,
				OrchestrationStatus.FAILED), null, null, null, 100, null))))
			.containsExactly("d", "c", "a");
		assertThat(ids(this.store.query(new InstanceQuery(Set.of(), null, null, null, 100, null)))).isEmpty();
		assertThat(ids(this.store.query(new InstanceQuery(null, "order-", null, null, 100, null))))
			.containsExactly("b", "a");
		assertThat(ids(this.store.query(new InstanceQuery(null, "order_", null, null, 100, null))))
			.containsExactly("e");
		assertThat(ids(this.store.query(new InstanceQuery(null, null, T0.plusSeconds(2), T0.plusSeconds(3), 100,
				null))))
			.containsExactly("c", "b");
		assertThat(ids(this.store.query(new InstanceQuery(EnumSet.of(OrchestrationStatus.COMPLETED), "order",
				T0.plusSeconds(1), null, 100, null))))
			.containsExactly("a");
	}

	@Test
	void queryPagesWithContinuationTokens() {
		for (int i = 0; i < 5; i++) {
			createWith("i-" + i, "orch", OrchestrationStatus.RUNNING, T0.plusSeconds(i));
		}
		assertThat(ids(this.store.query(new InstanceQuery(null, null, null, null, 2, null))))
			.containsExactly("i-4", "i-3");
		assertThat(ids(this.store.query(new InstanceQuery(null, null, null, null, 2, "2"))))
			.containsExactly("i-2", "i-1");
		assertThat(ids(this.store.query(new InstanceQuery(null, null, null, null, 2, "4")))).containsExactly("i-0");
		assertThat(ids(this.store.query(new InstanceQuery(null, null, null, null, 2, "6")))).isEmpty();
	}

	@Test
	void purgeDeletesOnlyEndedInstances() {
		assertThat(this.store.purge("unknown")).isFalse();
		create("running", T0);
		assertThat(this.store.purge("running")).isFalse();
		assertThat(this.store.getInstance("running")).isNotNull();
		create("done", T0);
		OrchestrationWorkItem first = lock("w", T0);
		OrchestrationWorkItem second = lock("w", T0);
		OrchestrationWorkItem done = first.instanceId().equals("done") ? first : second;
		this.store.abandonOrchestration(first.instanceId().equals("done") ? second : first);
		this.store.commitStep(done, new StepCommit(List.of(started("done", "orch"), completed()), false, ids(done),
				running("done", T0).withStatus(OrchestrationStatus.COMPLETED, T0),
				List.of(new ActivityRequest("done", 1, "left-over", null)), List.of(), List.of()));
		this.store.sendMessage("done", raised("late", T0), T0.plusSeconds(5));
		assertThat(this.store.purge("done")).isTrue();
		assertThat(this.store.getInstance("done")).isNull();
		assertThat(this.store.getHistory("done")).isEmpty();
		assertThat(this.store.lockNextActivity("w", T0.plusSeconds(5), LEASE)).isEmpty();
		assertThat(this.store.nextVisibleAt()).isEqualTo(T0);
		assertThat(this.store.purge("done")).isFalse();
		assertThat(ids(this.store.query(InstanceQuery.all()))).containsExactly("running");
	}

	// --- helpers

	private List<String> claimConcurrently(Supplier<Optional<String>> claim) throws Exception {
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				workers.add(executor.submit(() -> {
					start.await();
					for (Optional<String> next = claim.get(); next.isPresent(); next = claim.get()) {
						claimed.add(next.get());
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get(2, TimeUnit.MINUTES);
			}
			return new ArrayList<>(claimed);
		}
		finally {
			executor.shutdownNow();
		}
	}

	OrchestrationWorkItem lock(String worker, Instant now) {
		return this.store.lockNextOrchestration(worker, now, LEASE)
			.orElseThrow(() -> new AssertionError("no instance was handed out at " + now));
	}

	void create(String id, Instant at) {
		assertThat(this.store.createInstance(pending(id, "orch", at), started(id, "orch"), at)).isTrue();
	}

	void createWith(String id, String name, OrchestrationStatus status, Instant createdAt) {
		InstanceState state = new InstanceState(id, name, status, null, null, null, null, createdAt, createdAt, null);
		assertThat(this.store.createInstance(state, started(id, name), createdAt)).isTrue();
	}

	static InstanceState pending(String id, String name, Instant at) {
		return new InstanceState(id, name, OrchestrationStatus.PENDING, "\"input\"", null, null, null, at, at, null);
	}

	static InstanceState running(String id, Instant at) {
		return new InstanceState(id, "orch", OrchestrationStatus.RUNNING, "\"input\"", null, null, null, T0, at, null);
	}

	static HistoryEvent.ExecutionStarted started(String id, String name) {
		return new HistoryEvent.ExecutionStarted(T0, name, id, "\"input\"", null);
	}

	static HistoryEvent completed() {
		return new HistoryEvent.ExecutionCompleted(T0, OrchestrationStatus.COMPLETED, "\"done\"", null);
	}

	static HistoryEvent raised(String name, Instant at) {
		return new HistoryEvent.EventRaised(at, name, "\"payload\"");
	}

	static StepCommit step(List<HistoryEvent> events, List<String> consumed, InstanceState state) {
		return new StepCommit(events, false, consumed, state, List.of(), List.of(), List.of());
	}

	static List<String> ids(OrchestrationWorkItem item) {
		return item.messages().stream().map(InboxMessage::id).toList();
	}

	static List<String> ids(List<InstanceState> instances) {
		return instances.stream().map(InstanceState::instanceId).collect(Collectors.toList());
	}

	/** One event of each type, with nanosecond instants, nulls, and text that needs escaping. */
	static List<HistoryEvent> everyEventType() {
		Instant t = Instant.parse("2026-03-04T05:06:07.123456789Z");
		FailureDetails failure = new FailureDetails("java.lang.IllegalStateException", "bad \"state\" — ünïcode\n",
				"java.lang.IllegalStateException: bad\n\tat a.b.C.d(C.java:12)\n\tat e.f.G.h(G.java:34)\n");
		HistoryEvent.ParentInstance parent = new HistoryEvent.ParentInstance("parent-1", "outer", 9);
		List<HistoryEvent> events = new ArrayList<>(Arrays.asList(
				new HistoryEvent.ExecutionStarted(t, "orch", "i-1", "{\"a\":[1,2]}", parent),
				new HistoryEvent.ExecutionStarted(t.plusNanos(1), "orch", "i-1", null, null),
				new HistoryEvent.OrchestratorStarted(t.plusNanos(2)),
				new HistoryEvent.TaskScheduled(t.plusNanos(3), 0, "hello", "\"Tokyo\""),
				new HistoryEvent.TaskCompleted(t.plusNanos(4), 0, null),
				new HistoryEvent.TaskFailed(t.plusNanos(5), 1, failure),
				new HistoryEvent.SubOrchestrationCreated(t.plusNanos(6), 2, "sub", "child-1", "42"),
				new HistoryEvent.SubOrchestrationCompleted(t.plusNanos(7), 2, "\"ok\""),
				new HistoryEvent.SubOrchestrationFailed(t.plusNanos(8), 3, new FailureDetails("E", null, null)),
				new HistoryEvent.TimerCreated(t.plusNanos(9), 4, Instant.parse("2026-03-07T05:06:07.000000001Z")),
				new HistoryEvent.TimerFired(t.plusNanos(10), 4, Instant.parse("2026-03-07T05:06:07.000000001Z")),
				new HistoryEvent.EventRaised(t.plusNanos(11), "approval", "true"),
				new HistoryEvent.ExecutionSuspended(t.plusNanos(12), null),
				new HistoryEvent.ExecutionResumed(t.plusNanos(13), "go"),
				new HistoryEvent.ExecutionTerminated(t.plusNanos(14), "stop"),
				new HistoryEvent.ExecutionCompleted(t.plusNanos(15), OrchestrationStatus.FAILED, null, failure),
				new HistoryEvent.ExecutionCompleted(t.plusNanos(16), OrchestrationStatus.CONTINUED_AS_NEW, "7",
						null)));
		return Collections.unmodifiableList(events);
	}

}
