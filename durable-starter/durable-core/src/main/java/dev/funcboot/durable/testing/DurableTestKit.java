package dev.funcboot.durable.testing;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.OrchestratorRegistration;
import dev.funcboot.durable.client.DurableClient;
import dev.funcboot.durable.client.OrchestrationMetadata;
import dev.funcboot.durable.client.StoreDurableClient;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.internal.replay.ExecutionResult;
import dev.funcboot.durable.internal.replay.OrchestrationExecutor;
import dev.funcboot.durable.internal.replay.OrchestratorAction;
import dev.funcboot.durable.runtime.ActivityInvoker;
import dev.funcboot.durable.runtime.ActivityProcessor;
import dev.funcboot.durable.runtime.OrchestrationProcessor;
import dev.funcboot.durable.store.InMemoryOrchestrationStore;

/**
 * Runs orchestrations in-process, on one thread, with a settable clock: time skips instead of
 * sleeping, timers fire in order as {@link #advance(Duration)} passes them, and every step is
 * the real engine's (replay executor, in-memory store, the same processors as production).
 *
 * <pre>
 * DurableTestKit kit = DurableTestKit.builder(new JacksonDataConverter())
 *     .orchestrator("approval", new ApprovalOrchestrator())
 *     .activity("notify", String.class, (who) -&gt; "sent to " + who)
 *     .build();
 * String id = kit.client().scheduleNewOrchestration("approval", order);
 * kit.runUntilIdle();
 * kit.advance(Duration.ofDays(3));
 * assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.COMPLETED);
 * </pre>
 */
public final class DurableTestKit {

	private static final int MAX_STEPS = 1_000_000;

	private final SettableClock clock;

	private final InMemoryOrchestrationStore store = new InMemoryOrchestrationStore();

	private final OrchestrationProcessor orchestrations;

	private final ActivityProcessor activities;

	private final DurableClient client;

	private DurableTestKit(Builder builder) {
		this.clock = new SettableClock(builder.start);
		OrchestratorCatalog catalog = OrchestratorCatalog.of(builder.orchestrators);
		OrchestrationExecutor executor = new OrchestrationExecutor(catalog, builder.converter);
		this.orchestrations = new OrchestrationProcessor(this.store, executor, this.clock, "test-kit",
				Duration.ofMinutes(5));
		this.activities = new ActivityProcessor(this.store, builder.invoker(), this.clock, "test-kit",
				Duration.ofMinutes(5));
		this.client = new StoreDurableClient(this.store, catalog, builder.converter, this.clock);
	}

	public static Builder builder(DataConverter converter) {
		return new Builder(converter);
	}

	public DurableClient client() {
		return this.client;
	}

	public SettableClock clock() {
		return this.clock;
	}

	/** Runs every step and activity that is due now, until nothing is left. */
	public DurableTestKit runUntilIdle() {
		int steps = 0;
		boolean progress = true;
		while (progress) {
			progress = false;
			while (this.orchestrations.processNext()) {
				progress = true;
				guard(++steps);
			}
			while (this.activities.processNext()) {
				progress = true;
				guard(++steps);
			}
		}
		return this;
	}

	/** Moves the clock forward, firing timers at their own times, and runs until idle. */
	public DurableTestKit advance(Duration duration) {
		Instant target = this.clock.instant().plus(duration);
		runUntilIdle();
		Instant next = this.store.nextVisibleAt();
		while (next != null && !next.isAfter(target)) {
			if (next.isAfter(this.clock.instant())) {
				this.clock.set(next);
			}
			runUntilIdle();
			Instant following = this.store.nextVisibleAt();
			if (following != null && !following.isAfter(this.clock.instant())) {
				throw new IllegalStateException("Work due at " + following + " did not run; is an instance suspended?");
			}
			next = following;
		}
		this.clock.set(target);
		return runUntilIdle();
	}

	/** Raises an event and runs until idle. */
	public DurableTestKit raiseEvent(String instanceId, String name, Object payload) {
		this.client.raiseEvent(instanceId, name, payload);
		return runUntilIdle();
	}

	public OrchestrationMetadata instance(String instanceId) {
		return this.client.getInstance(instanceId);
	}

	public List<HistoryEvent> history(String instanceId) {
		return this.client.getHistory(instanceId);
	}

	/** Activity calls still queued (e.g. after a failure was injected). */
	public int pendingActivities() {
		return this.store.pendingActivities();
	}

	/**
	 * Replays a stored history against the current code, without side effects: the way to catch
	 * a change that would break running instances before deploying it.
	 */
	public static ReplayResult replay(List<HistoryEvent> history, OrchestratorCatalog orchestrators,
			DataConverter converter) {
		List<HistoryEvent> past = new ArrayList<>(history);
		if (!past.isEmpty() && past.get(past.size() - 1) instanceof HistoryEvent.ExecutionCompleted) {
			past.remove(past.size() - 1);
		}
		ExecutionResult result = new OrchestrationExecutor(orchestrators, converter).execute(past, List.of());
		OrchestratorAction.CompleteOrchestration completion = result.completion();
		if (completion == null) {
			return new ReplayResult(OrchestrationStatus.RUNNING, null, null, result.actions().size());
		}
		return new ReplayResult(completion.status(), completion.result(), completion.failure(),
				result.actions().size() - 1);
	}

	private static void guard(int steps) {
		if (steps > MAX_STEPS) {
			throw new IllegalStateException("More than " + MAX_STEPS + " steps without becoming idle: "
					+ "an orchestration loops without waiting on a timer or event?");
		}
	}

	public static final class Builder {

		private final DataConverter converter;

		private final List<OrchestratorRegistration> orchestrators = new ArrayList<>();

		private final Map<String, Activity<?, ?>> activities = new LinkedHashMap<>();

		private Instant start = Instant.parse("2026-01-01T00:00:00Z");

		private Builder(DataConverter converter) {
			this.converter = Objects.requireNonNull(converter, "converter");
		}

		public Builder orchestrator(String name, Orchestrator<?, ?> orchestrator) {
			this.orchestrators.add(OrchestratorRegistration.of(name, orchestrator));
			return this;
		}

		public Builder orchestrator(OrchestratorRegistration registration) {
			this.orchestrators.add(registration);
			return this;
		}

		public <I, O> Builder activity(String name, Type inputType, Function<I, O> activity) {
			this.activities.put(name, new Activity<>(inputType, activity));
			return this;
		}

		/** The clock's start; 2026-01-01T00:00:00Z by default. */
		public Builder startAt(Instant start) {
			this.start = start;
			return this;
		}

		public DurableTestKit build() {
			return new DurableTestKit(this);
		}

		ActivityInvoker invoker() {
			Map<String, Activity<?, ?>> known = Map.copyOf(this.activities);
			return (name, input) -> {
				Activity<?, ?> activity = known.get(name);
				if (activity == null) {
					throw new IllegalArgumentException(
							"No activity named '" + name + "'; known activities: " + known.keySet());
				}
				return this.converter.serialize(activity.apply(this.converter, input));
			};
		}

	}

	private record Activity<I, O>(Type inputType, Function<I, O> function) {

		Object apply(DataConverter converter, String input) {
			I decoded = converter.deserialize(input, this.inputType);
			return this.function.apply(decoded);
		}

	}

}
