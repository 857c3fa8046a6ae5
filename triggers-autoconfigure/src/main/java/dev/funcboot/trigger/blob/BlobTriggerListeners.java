package dev.funcboot.trigger.blob;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import dev.funcboot.functions.binding.BlobTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.trigger.storagequeue.binder.SettlementCounts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Starts a {@link BlobPoller} for every enabled blob function when the application is ready and
 * stops them first when it stops (waiting for running functions while the pipeline is still there).
 * Keeps each function's counts of how its blob versions ended, across restarts of the lifecycle.
 */
final class BlobTriggerListeners implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(BlobTriggerListeners.class);

	private final List<FunctionBinding> functions;

	private final PollerFactory pollers;

	private final boolean autoStartup;

	private final Duration shutdownTimeout;

	private final Map<String, BlobPoller> running = new ConcurrentHashMap<>();

	private final Map<String, SettlementCounts> counts = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService renewals;

	private volatile boolean started;

	BlobTriggerListeners(List<FunctionBinding> functions, PollerFactory pollers, boolean autoStartup,
			Duration shutdownTimeout) {
		this.functions = List.copyOf(functions);
		this.pollers = pollers;
		this.autoStartup = autoStartup;
		this.shutdownTimeout = shutdownTimeout;
		functions.forEach((function) -> this.counts.put(function.name(), new SettlementCounts()));
	}

	@Override
	public synchronized void start() {
		if (this.started) {
			return;
		}
		this.renewals = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "funcboot-blob-lease-renewal");
			thread.setDaemon(true);
			return thread;
		});
		try {
			for (FunctionBinding function : this.functions) {
				BlobTriggerBinding trigger = (BlobTriggerBinding) function.trigger();
				BlobPoller poller = this.pollers.create(function, counts(function.name()), this.renewals);
				poller.start();
				this.running.put(function.name(), poller);
				logger.info("Blob function '" + function.name() + "': path '" + trigger.path() + "' (connection '"
						+ trigger.connection() + "', polling every " + trigger.options().pollingInterval() + ")"
						+ (function.outputs().isEmpty() ? "" : ", outputs " + function.outputs()));
			}
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
		this.started = true;
	}

	@Override
	public synchronized void stop() {
		// in parallel would be faster; one by one keeps the order of the log
		this.running.values().forEach((poller) -> poller.stop(this.shutdownTimeout));
		this.running.clear();
		if (this.renewals != null) {
			this.renewals.shutdownNow();
		}
		this.started = false;
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	/** The poller of a function, or {@code null} when it is not running. */
	BlobPoller poller(String function) {
		return this.running.get(function);
	}

	/** How the function's blob versions ended on this replica. */
	SettlementCounts counts(String function) {
		return this.counts.computeIfAbsent(function, (name) -> new SettlementCounts());
	}

	/** Creates a function's poller; called on each start. */
	@FunctionalInterface
	interface PollerFactory {

		BlobPoller create(FunctionBinding function, SettlementCounts counts, ScheduledExecutorService renewals);

	}

}
