package dev.funcboot.durable.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import dev.funcboot.durable.store.OrchestrationStore;
import dev.funcboot.durable.store.WorkKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads that run orchestration steps and activities from a store until stopped.
 * Idle threads sleep until new work is signalled, the next timer is due, or the poll interval
 * passes (other replicas may add work to a shared store). Signals can name the kind of work
 * ({@link #signal(WorkKind)}, e.g. from {@link dev.funcboot.durable.store.WorkNotifier#onWorkOfKind}),
 * so that only the threads that can take it wake up.
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

	private final Wakeup orchestrationWakeup = new Wakeup();

	private final Wakeup activityWakeup = new Wakeup();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

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
		this.orchestrationWakeup.signal();
		this.activityWakeup.signal();
	}

	/**
	 * Wakes one idle thread that runs this kind of work: call it once per unit of work queued (an
	 * activity call, an instance with new messages), so that a single call does not wake every
	 * idle thread to find nothing.
	 */
	public void signal(WorkKind kind) {
		((kind == WorkKind.ACTIVITY) ? this.activityWakeup : this.orchestrationWakeup).signalOne();
	}

	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		for (int i = 0; i < this.orchestrationThreads; i++) {
			startThread(this.name + "-orchestrator-" + i, this.orchestrations::processNext, this.orchestrationWakeup,
					true);
		}
		for (int i = 0; i < this.activityThreads; i++) {
			startThread(this.name + "-activity-" + i, this.activities::processNext, this.activityWakeup, false);
		}
	}

	public boolean isRunning() {
		return this.running;
	}

	/**
	 * @param timers whether the work waits for messages that become visible later (timers), so that
	 * an idle thread wakes when the next one is due
	 */
	private void startThread(String threadName, BooleanSupplier work, Wakeup wakeup, boolean timers) {
		Thread thread = new Thread(() -> loop(work, wakeup, timers), threadName);
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
	}

	private void loop(BooleanSupplier work, Wakeup wakeup, boolean timers) {
		long failures = 0;
		while (this.running) {
			long seen = wakeup.signals();
			Instant looked = this.clock.instant();
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
				idle(wakeup, seen, timers ? looked : null);
			}
		}
	}

	/**
	 * @param looked when this thread last looked for work, for threads whose work includes messages
	 * that become visible later (timers); null for the others
	 */
	private void idle(Wakeup wakeup, long seen, Instant looked) {
		long waitMillis = this.maxPollInterval.toMillis();
		Instant next = (looked != null) ? this.store.nextVisibleAt() : null;
		// A message that was visible when this thread looked, and was not handed to it, belongs to an
		// instance another thread or replica holds (or a suspended one): its release is signalled here
		// or found by the next poll, so waking every millisecond for it would only burn the CPU the
		// holder needs. One that came due since is looked at again at once.
		if (next != null && next.isAfter(looked)) {
			long untilNext = Duration.between(this.clock.instant(), next).toMillis();
			waitMillis = Math.max(1, Math.min(waitMillis, untilNext));
		}
		try {
			wakeup.await(seen, waitMillis, () -> this.running);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
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

	/** A count of signals that idle threads of one kind wait on, so that none is missed. */
	private static final class Wakeup {

		private long signals;

		synchronized long signals() {
			return this.signals;
		}

		synchronized void signal() {
			this.signals++;
			notifyAll();
		}

		/** A thread that is not waiting sees the count change and looks for work before it waits. */
		synchronized void signalOne() {
			this.signals++;
			notify();
		}

		/** Waits unless a signal came after {@code seen} or the worker stopped. */
		synchronized void await(long seen, long millis, BooleanSupplier running) throws InterruptedException {
			if (this.signals == seen && running.getAsBoolean()) {
				wait(millis);
			}
		}

	}

}
