package dev.funcboot.durable.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import dev.funcboot.durable.store.OrchestrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads that run orchestration steps and activities from a store until stopped.
 * Idle threads sleep until new work is signalled, the next timer is due, or the poll interval
 * passes (other replicas may add work to a shared store).
 */
public final class DurableWorker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DurableWorker.class);

	private final OrchestrationStore store;

	private final OrchestrationProcessor orchestrations;

	private final ActivityProcessor activities;

	private final Clock clock;

	private final int orchestrationThreads;

	private final int activityThreads;

	private final Duration maxPollInterval;

	private final String name;

	private final Object monitor = new Object();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	private long signals;

	public DurableWorker(OrchestrationStore store, OrchestrationProcessor orchestrations, ActivityProcessor activities,
			Clock clock, int orchestrationThreads, int activityThreads, Duration maxPollInterval, String name) {
		this.store = Objects.requireNonNull(store);
		this.orchestrations = orchestrations;
		this.activities = activities;
		this.clock = clock;
		this.orchestrationThreads = orchestrationThreads;
		this.activityThreads = activityThreads;
		this.maxPollInterval = maxPollInterval;
		this.name = name;
	}

	/** Wakes idle threads; call when work was added. */
	public void signal() {
		synchronized (this.monitor) {
			this.signals++;
			this.monitor.notifyAll();
		}
	}

	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		for (int i = 0; i < this.orchestrationThreads; i++) {
			startThread(this.name + "-orchestrator-" + i, this.orchestrations::processNext);
		}
		for (int i = 0; i < this.activityThreads; i++) {
			startThread(this.name + "-activity-" + i, this.activities::processNext);
		}
	}

	public boolean isRunning() {
		return this.running;
	}

	private void startThread(String threadName, BooleanSupplier work) {
		Thread thread = new Thread(() -> loop(work), threadName);
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
	}

	private void loop(BooleanSupplier work) {
		long failures = 0;
		while (this.running) {
			long seen;
			synchronized (this.monitor) {
				seen = this.signals;
			}
			boolean didWork;
			try {
				didWork = work.getAsBoolean();
				failures = 0;
			}
			catch (RuntimeException ex) {
				failures++;
				logger.error("Durable worker {} failed; retrying", Thread.currentThread().getName(), ex);
				didWork = false;
				sleepQuietly(Math.min(1000, 10 * failures));
			}
			if (!didWork) {
				idle(seen);
			}
		}
	}

	private void idle(long seen) {
		long waitMillis = this.maxPollInterval.toMillis();
		Instant next = this.store.nextVisibleAt();
		if (next != null) {
			// A message visible already that this thread was not handed belongs to an instance another
			// thread or replica holds (or a suspended one): its release is signalled here or found by the
			// next poll. Waking every millisecond for it only burns the CPU the holder needs.
			long untilNext = Duration.between(this.clock.instant(), next).toMillis();
			if (untilNext >= 0) {
				waitMillis = Math.max(1, Math.min(waitMillis, untilNext));
			}
		}
		synchronized (this.monitor) {
			if (this.signals != seen || !this.running) {
				return;
			}
			try {
				this.monitor.wait(waitMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the threads, waiting up to the timeout for running steps to finish. */
	public void stop(Duration timeout) throws InterruptedException {
		synchronized (this) {
			this.running = false;
		}
		signal();
		long deadline = System.nanoTime() + timeout.toNanos();
		for (Thread thread : this.threads) {
			thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
		}
		this.threads.clear();
	}

	@Override
	public void close() throws InterruptedException {
		stop(Duration.ofSeconds(30));
	}

}
