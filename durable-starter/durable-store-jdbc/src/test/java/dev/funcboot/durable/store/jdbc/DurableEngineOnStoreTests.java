package dev.funcboot.durable.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.OrchestratorRegistration;
import dev.funcboot.durable.Task;
import dev.funcboot.durable.client.DurableClient;
import dev.funcboot.durable.client.OrchestrationMetadata;
import dev.funcboot.durable.client.StoreDurableClient;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.internal.replay.OrchestrationExecutor;
import dev.funcboot.durable.json.JacksonDataConverter;
import dev.funcboot.durable.runtime.ActivityInvoker;
import dev.funcboot.durable.runtime.ActivityProcessor;
import dev.funcboot.durable.runtime.DurableWorker;
import dev.funcboot.durable.runtime.OrchestrationProcessor;
import dev.funcboot.durable.store.InMemoryOrchestrationStore;
import dev.funcboot.durable.store.OrchestrationStore;
import dev.funcboot.durable.store.WorkNotifier;
import dev.funcboot.durable.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real engine (replay executor, processors, client, worker threads) running orchestrations to
 * completion on a store: chaining with a durable timer, fan-out/fan-in of 10, a sub-orchestration,
 * and several instances at once on worker threads.
 */
abstract class DurableEngineOnStoreTests {

	static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	static final Duration LEASE = Duration.ofMinutes(5);

	final DataConverter converter = new JacksonDataConverter();

	final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	final OrchestratorCatalog catalog = OrchestratorCatalog.of(List.of(
			new OrchestratorRegistration("chain", chain(), String.class),
			new OrchestratorRegistration("fanOut", fanOut(), Integer.class),
			new OrchestratorRegistration("parent", parent(), Integer.class)));

	private OrchestrationStore store;

	/** An empty store whose own clock is the given one. */
	protected abstract OrchestrationStore createStore(Clock clock) throws Exception;

	protected void closeStore() throws Exception {
	}

	@AfterEach
	void close() throws Exception {
		closeStore();
	}

	@Test
	void functionChainingWithADurableTimerCompletes() throws Exception {
		SettableClock clock = new SettableClock(T0);
		Engine engine = new Engine(clock);
		String id = engine.client.scheduleNewOrchestration("chain", "Tokyo");
		engine.runUntilIdle();
		assertThat(engine.client.getInstance(id).status()).isEqualTo(OrchestrationStatus.RUNNING);
		assertThat(this.store.nextVisibleAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
		engine.advance(Duration.ofHours(1));
		OrchestrationMetadata done = engine.client.getInstance(id);
		assertThat(done.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(done.<String>readOutputAs(String.class)).isEqualTo("Hello Tokyo, Hello Seattle, Hello London");
		assertThat(this.calls.get("hello")).hasValue(3);
		List<HistoryEvent> history = engine.client.getHistory(id);
		assertThat(history.get(0)).isInstanceOf(HistoryEvent.ExecutionStarted.class);
		assertThat(history).filteredOn(HistoryEvent.TimerFired.class::isInstance)
			.singleElement()
			.extracting((event) -> ((HistoryEvent.TimerFired) event).fireAt())
			.isEqualTo(T0.plus(Duration.ofHours(1)));
		assertThat(history.get(history.size() - 1)).isInstanceOf(HistoryEvent.ExecutionCompleted.class);
	}

	@Test
	void fanOutFanInOfTenCompletes() throws Exception {
		Engine engine = new Engine(new SettableClock(T0));
		String id = engine.client.scheduleNewOrchestration("fanOut", 10);
		engine.runUntilIdle();
		OrchestrationMetadata done = engine.client.getInstance(id);
		assertThat(done.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(done.<Integer>readOutputAs(Integer.class)).isEqualTo(385);
		assertThat(this.calls.get("square")).hasValue(10);
		List<HistoryEvent> history = engine.client.getHistory(id);
		assertThat(history).filteredOn(HistoryEvent.TaskScheduled.class::isInstance).hasSize(10);
		assertThat(history).filteredOn(HistoryEvent.TaskCompleted.class::isInstance).hasSize(10);
	}

	@Test
	void subOrchestrationReportsToItsParent() throws Exception {
		Engine engine = new Engine(new SettableClock(T0));
		String id = engine.client.scheduleNewOrchestration("parent", 10);
		engine.runUntilIdle();
		OrchestrationMetadata done = engine.client.getInstance(id);
		assertThat(done.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(done.<Integer>readOutputAs(Integer.class)).isEqualTo(386);
		assertThat(engine.client.getHistory(id)).filteredOn(HistoryEvent.SubOrchestrationCompleted.class::isInstance)
			.hasSize(1);
	}

	@Test
	void workerThreadsRunManyInstancesToCompletion() throws Exception {
		Clock clock = Clock.systemUTC();
		Engine engine = new Engine(clock);
		DurableWorker worker = new DurableWorker(this.store, engine.orchestrations, engine.activities, clock, 3, 3,
				Duration.ofMillis(200), "engine-test");
		if (this.store instanceof JdbcOrchestrationStore jdbc) {
			jdbc.onWork(worker::signal);
		}
		else if (this.store instanceof InMemoryOrchestrationStore memory) {
			memory.onWork(worker::signal);
		}
		runManyInstances(engine, worker);
	}

	@Test
	void workerThreadsWokenByKindOfWorkRunManyInstancesToCompletion() throws Exception {
		Clock clock = Clock.systemUTC();
		Engine engine = new Engine(clock);
		// never polls within the test: a wake-up lost between the kinds would leave an instance unfinished
		DurableWorker worker = new DurableWorker(this.store, engine.orchestrations, engine.activities, clock, 3, 3,
				Duration.ofHours(1), "engine-test");
		((WorkNotifier) this.store).onWorkOfKind(worker::signal);
		runManyInstances(engine, worker);
	}

	private void runManyInstances(Engine engine, DurableWorker worker) throws Exception {
		worker.start();
		try {
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				ids.add(engine.client.scheduleNewOrchestration("fanOut", 10));
			}
			for (String id : ids) {
				OrchestrationMetadata done = engine.client.waitForCompletion(id, Duration.ofSeconds(60));
				assertThat(done.status()).as("instance %s", id).isEqualTo(OrchestrationStatus.COMPLETED);
				assertThat(done.<Integer>readOutputAs(Integer.class)).isEqualTo(385);
			}
		}
		finally {
			worker.stop(Duration.ofSeconds(10));
		}
		// leases never ran out, so each call ran once
		assertThat(this.calls.get("square")).hasValue(50);
	}

	private final class Engine {

		final OrchestrationProcessor orchestrations;

		final ActivityProcessor activities;

		final DurableClient client;

		final Clock clock;

		Engine(Clock clock) throws Exception {
			this.clock = clock;
			DurableEngineOnStoreTests.this.store = createStore(clock);
			OrchestrationStore store = DurableEngineOnStoreTests.this.store;
			OrchestrationExecutor executor = new OrchestrationExecutor(DurableEngineOnStoreTests.this.catalog,
					DurableEngineOnStoreTests.this.converter);
			this.orchestrations = new OrchestrationProcessor(store, executor, clock, "engine", LEASE);
			this.activities = new ActivityProcessor(store, activityInvoker(), clock, "engine", LEASE);
			this.client = new StoreDurableClient(store, DurableEngineOnStoreTests.this.catalog,
					DurableEngineOnStoreTests.this.converter, clock);
		}

		void runUntilIdle() {
			boolean progress = true;
			for (int steps = 0; progress; steps++) {
				assertThat(steps).as("steps before idle").isLessThan(10_000);
				progress = this.orchestrations.processNext() | this.activities.processNext();
			}
		}

		/** Moves the settable clock to each due message in turn, running what is due. */
		void advance(Duration duration) {
			SettableClock settable = (SettableClock) this.clock;
			Instant target = settable.instant().plus(duration);
			runUntilIdle();
			for (Instant next = DurableEngineOnStoreTests.this.store.nextVisibleAt(); next != null
					&& !next.isAfter(target); next = DurableEngineOnStoreTests.this.store.nextVisibleAt()) {
				assertThat(next).as("work due now was left undone").isAfter(settable.instant());
				settable.set(next);
				runUntilIdle();
			}
			settable.set(target);
			runUntilIdle();
		}

	}

	private ActivityInvoker activityInvoker() {
		return (name, input) -> {
			this.calls.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
			return switch (name) {
				case "hello" -> this.converter.serialize("Hello " + this.converter.deserialize(input, String.class));
				case "square" -> {
					int n = this.converter.<Integer>deserialize(input, Integer.class);
					yield this.converter.serialize(n * n);
				}
				default -> throw new IllegalArgumentException("No activity named '" + name + "'");
			};
		};
	}

	private static Orchestrator<String, String> chain() {
		return (ctx, city) -> {
			String first = ctx.callActivity("hello", city, String.class).await();
			ctx.createTimer(Duration.ofHours(1)).await();
			String second = ctx.callActivity("hello", "Seattle", String.class).await();
			String third = ctx.callActivity("hello", "London", String.class).await();
			return first + ", " + second + ", " + third;
		};
	}

	private static Orchestrator<Integer, Integer> fanOut() {
		return (ctx, count) -> {
			List<Task<Integer>> squares = new ArrayList<>();
			for (int i = 1; i <= count; i++) {
				squares.add(ctx.callActivity("square", i, Integer.class));
			}
			return ctx.allOf(squares).await().stream().mapToInt(Integer::intValue).sum();
		};
	}

	private static Orchestrator<Integer, Integer> parent() {
		return (ctx, count) -> ctx.callSubOrchestrator("fanOut", count, Integer.class).await()
				+ ctx.callActivity("square", 1, Integer.class).await();
	}

}
