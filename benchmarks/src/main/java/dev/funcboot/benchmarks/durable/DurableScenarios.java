package dev.funcboot.benchmarks.durable;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.funcboot.benchmarks.harness.Percentiles;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.client.DurableClient;
import dev.funcboot.durable.client.StoreDurableClient;
import dev.funcboot.durable.internal.replay.OrchestrationExecutor;
import dev.funcboot.durable.json.JacksonDataConverter;
import dev.funcboot.durable.runtime.ActivityProcessor;
import dev.funcboot.durable.runtime.DurableWorker;
import dev.funcboot.durable.runtime.OrchestrationProcessor;
import dev.funcboot.durable.store.InstanceState;
import dev.funcboot.durable.store.OrchestrationStore;
import dev.funcboot.durable.store.WorkNotifier;

/**
 * The engine as an application runs it, in this process: a {@link DurableWorker} with its
 * orchestration and activity threads on one store, and a {@link StoreDurableClient}. Each
 * scenario starts its instances, waits for them to end, reads the figures from their histories
 * and purges them, so every run starts from the same (empty) store.
 */
final class DurableScenarios implements AutoCloseable {

	/** Long enough that no lease runs out in a run: every call runs once. */
	private static final Duration LEASE = Duration.ofSeconds(30);

	/** The starter's default; in one process work is signalled, so polling should never matter. */
	private static final Duration POLL = Duration.ofMillis(500);

	/** How often the benchmark looks whether an instance ended; figures never depend on it. */
	private static final long AWAIT_MILLIS = 25;

	private final OrchestrationStore store;

	private final TimedStore timings;

	private final DurableClient client;

	private final DurableWorker worker;

	private final Duration timeout;

	/**
	 * @param storeTimings whether to count and time every store call, printed after each scenario
	 * (for finding where time goes; adds a little overhead)
	 */
	DurableScenarios(OrchestrationStore store, int orchestrationThreads, int activityThreads, Duration timeout,
			boolean storeTimings) {
		this.timings = storeTimings ? new TimedStore(store) : null;
		this.store = storeTimings ? this.timings : store;
		this.timeout = timeout;
		Clock clock = Clock.systemUTC();
		JacksonDataConverter converter = new JacksonDataConverter();
		OrchestratorCatalog catalog = BenchOrchestrators.catalog();
		this.client = new StoreDurableClient(this.store, catalog, converter, clock);
		this.worker = new DurableWorker(this.store,
				new OrchestrationProcessor(this.store, new OrchestrationExecutor(catalog, converter), clock, "bench",
						LEASE),
				new ActivityProcessor(this.store, BenchOrchestrators.NO_OP, clock, "bench", LEASE), clock,
				orchestrationThreads, activityThreads, POLL, "bench");
		if (this.store instanceof WorkNotifier notifier) {
			// wake only the threads that can take the work queued (see WorkNotifier#onWorkOfKind)
			notifier.onWorkOfKind(this.worker::signal);
		}
		this.worker.start();
	}

	/** One orchestration, {@code count} activities in sequence: rate and round-trip latency. */
	Map<DurableMetric, Double> sequential(int count) throws InterruptedException {
		String id = this.client.scheduleNewOrchestration(BenchOrchestrators.SEQUENCE, count);
		HistoryTimeline timeline = finish(id);
		long[] roundTrips = timeline.roundTripNanos();
		Arrays.sort(roundTrips);
		Map<DurableMetric, Double> figures = new EnumMap<>(DurableMetric.class);
		figures.put(DurableMetric.SEQUENTIAL, timeline.sequentialRate());
		figures.put(DurableMetric.ROUND_TRIP_P50, Percentiles.of(roundTrips, 50) / 1e6);
		figures.put(DurableMetric.ROUND_TRIP_P99, Percentiles.of(roundTrips, 99) / 1e6);
		return figures;
	}

	/** One orchestration fanning out {@code count} activities: execution and fan-in rates. */
	Map<DurableMetric, Double> parallel(int count) throws InterruptedException {
		String id = this.client.scheduleNewOrchestration(BenchOrchestrators.FAN_OUT, count);
		HistoryTimeline timeline = finish(id);
		Map<DurableMetric, Double> figures = new EnumMap<>(DurableMetric.class);
		figures.put(DurableMetric.PARALLEL_ACTIVITIES, timeline.activityRate());
		figures.put(DurableMetric.PARALLEL_RESPONSES, timeline.responseRate());
		return figures;
	}

	/**
	 * One orchestration waiting for {@code count} events in turn; once it waits, this thread
	 * raises them back to back, as fast as the client returns.
	 */
	Map<DurableMetric, Double> externalEvents(int count) throws InterruptedException {
		String id = this.client.scheduleNewOrchestration(BenchOrchestrators.EVENTS, count);
		awaitStatus(id, OrchestrationStatus.RUNNING);
		for (int i = 0; i < count; i++) {
			this.client.raiseEvent(id, BenchOrchestrators.EVENT_NAME, i);
		}
		HistoryTimeline timeline = finish(id);
		return Map.of(DurableMetric.EXTERNAL_EVENTS, timeline.eventRate());
	}

	/**
	 * {@code count} HelloCities5 orchestrations scheduled back to back: history events per second
	 * (two per activity call, as Netherite counts them) from the first start to the last end.
	 */
	Map<DurableMetric, Double> helloCities(int count) throws InterruptedException {
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ids.add(this.client.scheduleNewOrchestration(BenchOrchestrators.HELLO_CITIES, null));
		}
		Instant first = null;
		Instant last = null;
		for (String id : ids) {
			InstanceState state = awaitEnd(id);
			first = (first == null || state.createdAt().isBefore(first)) ? state.createdAt() : first;
			last = (last == null || state.lastUpdatedAt().isAfter(last)) ? state.lastUpdatedAt() : last;
		}
		purge(ids);
		long events = (long) count * BenchOrchestrators.CITIES.size() * 2;
		return Map.of(DurableMetric.HELLO_CITIES, HistoryTimeline.perSecond(events, first, last));
	}

	/** Prints the store calls since the last print, when timing them. */
	void printStoreTimings(PrintStream out, String label) {
		if (this.timings != null) {
			this.timings.printAndReset(out, label);
		}
	}

	private HistoryTimeline finish(String id) throws InterruptedException {
		awaitEnd(id);
		HistoryTimeline timeline = HistoryTimeline.of(this.store.getHistory(id));
		purge(List.of(id));
		return timeline;
	}

	private InstanceState awaitEnd(String id) throws InterruptedException {
		InstanceState state = await(id, (status) -> status.isTerminal());
		if (state.status() != OrchestrationStatus.COMPLETED) {
			throw new IllegalStateException("Instance " + id + " of '" + state.name() + "' ended " + state.status()
					+ ((state.failure() != null) ? ": " + state.failure() : ""));
		}
		return state;
	}

	private void awaitStatus(String id, OrchestrationStatus wanted) throws InterruptedException {
		await(id, (status) -> status == wanted || status.isTerminal());
	}

	private InstanceState await(String id, Predicate<OrchestrationStatus> done)
			throws InterruptedException {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (true) {
			InstanceState state = this.store.getInstance(id);
			if (state != null && done.test(state.status())) {
				return state;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Instance " + id + " did not end within " + this.timeout.toSeconds()
						+ " s (status " + ((state != null) ? state.status() : "unknown") + "); raise --timeout, or"
						+ " look for errors above");
			}
			Thread.sleep(AWAIT_MILLIS);
		}
	}

	private void purge(List<String> ids) {
		for (String id : ids) {
			this.store.purge(id);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.worker.stop(Duration.ofSeconds(10));
	}

}
