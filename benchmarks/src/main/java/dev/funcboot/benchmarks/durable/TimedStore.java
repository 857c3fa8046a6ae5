package dev.funcboot.benchmarks.durable;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.store.ActivityWorkItem;
import dev.funcboot.durable.store.InstanceQuery;
import dev.funcboot.durable.store.InstanceState;
import dev.funcboot.durable.store.OrchestrationStore;
import dev.funcboot.durable.store.OrchestrationWorkItem;
import dev.funcboot.durable.store.StepCommit;
import dev.funcboot.durable.store.WorkNotifier;

/**
 * A store that counts and times every call to the store it wraps ({@code --store-timings true}):
 * where a scenario's time goes, per store operation. Not used for the judged figures.
 */
final class TimedStore implements OrchestrationStore, WorkNotifier {

	private final OrchestrationStore delegate;

	private final Map<String, Timing> timings = new ConcurrentHashMap<>();

	TimedStore(OrchestrationStore delegate) {
		this.delegate = delegate;
	}

	@Override
	public void onWork(Runnable listener) {
		if (this.delegate instanceof WorkNotifier notifier) {
			notifier.onWork(listener);
		}
	}

	@Override
	public void onWorkOfKind(java.util.function.Consumer<dev.funcboot.durable.store.WorkKind> listener) {
		if (this.delegate instanceof WorkNotifier notifier) {
			notifier.onWorkOfKind(listener);
		}
	}

	@Override
	public boolean createInstance(InstanceState instance, HistoryEvent.ExecutionStarted started, Instant visibleAt) {
		return time("createInstance", () -> this.delegate.createInstance(instance, started, visibleAt));
	}

	@Override
	public InstanceState getInstance(String instanceId) {
		return time("getInstance", () -> this.delegate.getInstance(instanceId));
	}

	@Override
	public List<HistoryEvent> getHistory(String instanceId) {
		return time("getHistory", () -> this.delegate.getHistory(instanceId));
	}

	@Override
	public void sendMessage(String instanceId, HistoryEvent event, Instant visibleAt) {
		time("sendMessage", () -> {
			this.delegate.sendMessage(instanceId, event, visibleAt);
			return null;
		});
	}

	@Override
	public Optional<OrchestrationWorkItem> lockNextOrchestration(String worker, Instant now, Duration lease) {
		long start = System.nanoTime();
		Optional<OrchestrationWorkItem> item = this.delegate.lockNextOrchestration(worker, now, lease);
		record(item.isPresent() ? "lockNextOrchestration (found)" : "lockNextOrchestration (none)", start);
		item.ifPresent((found) -> count("  history events loaded", found.history().size()));
		item.ifPresent((found) -> count("  inbox messages per step", found.messages().size()));
		return item;
	}

	@Override
	public void commitStep(OrchestrationWorkItem item, StepCommit commit) {
		time("commitStep", () -> {
			this.delegate.commitStep(item, commit);
			return null;
		});
	}

	@Override
	public void abandonOrchestration(OrchestrationWorkItem item) {
		time("abandonOrchestration", () -> {
			this.delegate.abandonOrchestration(item);
			return null;
		});
	}

	@Override
	public Optional<ActivityWorkItem> lockNextActivity(String worker, Instant now, Duration lease) {
		long start = System.nanoTime();
		Optional<ActivityWorkItem> item = this.delegate.lockNextActivity(worker, now, lease);
		record(item.isPresent() ? "lockNextActivity (found)" : "lockNextActivity (none)", start);
		return item;
	}

	@Override
	public boolean renewActivityLease(ActivityWorkItem item, Instant now, Duration lease) {
		return time("renewActivityLease", () -> this.delegate.renewActivityLease(item, now, lease));
	}

	@Override
	public void completeActivity(ActivityWorkItem item, HistoryEvent result, Instant now) {
		time("completeActivity", () -> {
			this.delegate.completeActivity(item, result, now);
			return null;
		});
	}

	@Override
	public List<InstanceState> query(InstanceQuery query) {
		return time("query", () -> this.delegate.query(query));
	}

	@Override
	public boolean purge(String instanceId) {
		return time("purge", () -> this.delegate.purge(instanceId));
	}

	@Override
	public Instant nextVisibleAt() {
		return time("nextVisibleAt", this.delegate::nextVisibleAt);
	}

	/** Prints the calls since the last print, then starts counting afresh. */
	void printAndReset(PrintStream out, String label) {
		out.printf(Locale.ROOT, "    store calls, %s:%n", label);
		this.timings.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> {
				Timing timing = entry.getValue();
				long calls = timing.calls.sum();
				long sum = timing.sum.sum();
				if (timing.counting) {
					out.printf(Locale.ROOT, "      %-32s %8d steps %10.1f per step %9d in all%n", entry.getKey(), calls,
							(double) sum / Math.max(1, calls), sum);
				}
				else {
					out.printf(Locale.ROOT, "      %-32s %8d calls %10.3f ms mean %9.0f ms in all%n", entry.getKey(),
							calls, sum / 1e6 / Math.max(1, calls), sum / 1e6);
				}
			});
		this.timings.clear();
	}

	private <T> T time(String operation, Supplier<T> call) {
		long start = System.nanoTime();
		try {
			return call.get();
		}
		finally {
			record(operation, start);
		}
	}

	private void record(String operation, long start) {
		Timing timing = this.timings.computeIfAbsent(operation, (k) -> new Timing(false));
		timing.calls.increment();
		timing.sum.add(System.nanoTime() - start);
	}

	/** How many things (history events, messages) one step got. */
	private void count(String what, long amount) {
		Timing timing = this.timings.computeIfAbsent(what, (k) -> new Timing(true));
		timing.calls.increment();
		timing.sum.add(amount);
	}

	/** Calls and their nanoseconds, or steps and a count of things. */
	private static final class Timing {

		final boolean counting;

		final LongAdder calls = new LongAdder();

		final LongAdder sum = new LongAdder();

		Timing(boolean counting) {
			this.counting = counting;
		}

	}

}
