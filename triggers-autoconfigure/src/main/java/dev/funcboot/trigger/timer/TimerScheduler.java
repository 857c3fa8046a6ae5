package dev.funcboot.trigger.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Fires timer functions at their occurrences, once across all replicas that share its
 * {@link TimerLock} and {@link TimerStatusStore}.
 *
 * <p>One scheduler thread wakes at the next occurrence, or after the check interval at the
 * latest so that it follows a changed clock, and hands due timers to workers: a slow timer does
 * not delay the others, and a timer never overlaps itself (an occurrence due while the previous
 * run goes on fires when it ends, past due). Occurrences missed in between fire once, as the
 * latest of them. Time comes from the injected {@link Clock}; tests move a settable clock and
 * call {@link #fireDue()} instead of starting the thread. Thread-safe.
 */
public final class TimerScheduler implements AutoCloseable {

	/** Zone of schedules that name none. */
	public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");

	/** Longest wait of the scheduler thread between two checks. */
	public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

	/** How long {@link #close()} waits for running timers. */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(TimerScheduler.class);

	private final Clock clock;

	private final TimerLock lock;

	private final TimerStatusStore store;

	private final Duration checkInterval;

	private final Duration shutdownTimeout;

	private final Map<String, ScheduledTimer> timers;

	private final ExecutorService workers;

	private volatile Thread thread;

	private volatile boolean initialized;

	private volatile boolean closed;

	private TimerScheduler(Builder builder) {
		this.clock = Objects.requireNonNull(builder.clock, "clock");
		this.lock = Objects.requireNonNull(builder.lock, "lock");
		this.store = Objects.requireNonNull(builder.store, "store");
		this.checkInterval = builder.checkInterval;
		this.shutdownTimeout = builder.shutdownTimeout;
		this.timers = new LinkedHashMap<>();
		builder.timers.forEach((definition) -> this.timers.put(definition.name(), new ScheduledTimer(definition)));
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newCachedThreadPool((runnable) -> {
			Thread worker = new Thread(runnable, "funcboot-timer-" + count.incrementAndGet());
			worker.setDaemon(true);
			return worker;
		});
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Computes each timer's next occurrence from the clock and, for timers with a monitor, the
	 * shared status: an occurrence missed while no replica ran becomes due at once. Runs once;
	 * {@link #start()} and {@link #fireDue()} call it when needed.
	 */
	public synchronized void initialize() {
		if (this.initialized) {
			return;
		}
		Instant now = this.clock.instant();
		for (ScheduledTimer timer : this.timers.values()) {
			timer.initialize(now, this.lock, this.store);
		}
		this.initialized = true;
	}

	/** Starts the scheduler thread, unless no timer is enabled. */
	public synchronized void start() {
		initialize();
		boolean anyEnabled = this.timers.values().stream().anyMatch((timer) -> timer.definition().enabled());
		if (this.thread != null || this.closed || !anyEnabled) {
			return;
		}
		Thread loop = new Thread(this::loop, "funcboot-timer-scheduler");
		loop.setDaemon(true);
		this.thread = loop;
		loop.start();
	}

	/**
	 * Hands every due timer that is not running to a worker.
	 * @return completes when the runs started by this call have ended
	 */
	public CompletableFuture<Void> dispatchDue() {
		initialize();
		Instant now = this.clock.instant();
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		for (ScheduledTimer timer : this.timers.values()) {
			if (timer.isDue(now) && timer.tryStart()) {
				runs.add(submit(timer, () -> timer.runDue(this.clock, this.lock, this.store)));
			}
		}
		return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new));
	}

	/** Runs the due timers and returns when they have ended; for tests that move a settable clock. */
	public void fireDue() {
		dispatchDue().join();
	}

	/**
	 * Runs each enabled timer that asks for it once, now, on its worker; called when the
	 * application is ready. Every replica does so when it starts.
	 * @return completes when those runs have ended
	 */
	public CompletableFuture<Void> runOnStartup() {
		initialize();
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		for (ScheduledTimer timer : this.timers.values()) {
			TimerDefinition definition = timer.definition();
			if (definition.enabled() && definition.runOnStartup() && timer.tryStart()) {
				runs.add(submit(timer, () -> timer.runOnStartup(this.clock, this.store)));
			}
		}
		return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new));
	}

	private CompletableFuture<Void> submit(ScheduledTimer timer, Runnable run) {
		try {
			return CompletableFuture.runAsync(() -> {
				try {
					run.run();
				}
				finally {
					timer.finish();
				}
			}, this.workers);
		}
		catch (RejectedExecutionException ex) {
			timer.finish();
			return CompletableFuture.completedFuture(null);
		}
	}

	private void loop() {
		while (!this.closed) {
			try {
				dispatchDue();
			}
			catch (RuntimeException ex) {
				logger.error("Timer scheduler check failed", ex);
			}
			LockSupport.parkNanos(this, nanosToNextCheck(this.clock.instant()));
		}
	}

	/** Until the earliest future occurrence of a timer that is not running, at most the check interval. */
	private long nanosToNextCheck(Instant now) {
		long wait = this.checkInterval.toNanos();
		for (ScheduledTimer timer : this.timers.values()) {
			Instant next = timer.next();
			if (timer.definition().enabled() && next != null && next.isAfter(now) && !timer.isRunning()) {
				wait = Math.min(wait, Duration.between(now, next).toNanos());
			}
		}
		return Math.max(wait, TimeUnit.MILLISECONDS.toNanos(1));
	}

	/**
	 * The state of one timer, or {@code null} when no timer has that name. Reads the shared
	 * status from the store (a query with a database), so it may throw when the store is down.
	 */
	public TimerStatusView describe(String function) {
		ScheduledTimer timer = this.timers.get(function);
		if (timer == null) {
			return null;
		}
		TimerDefinition definition = timer.definition();
		return new TimerStatusView(definition.name(), definition.schedule().expression(),
				definition.schedule().timeZone(), definition.enabled(), definition.runOnStartup(),
				definition.useMonitor(), definition.enabled() ? timer.next() : null, this.store.read(function),
				timer.isRunning());
	}

	/** The state of every timer, in declaration order. */
	public List<TimerStatusView> describeAll() {
		return this.timers.keySet().stream().map(this::describe).toList();
	}

	/**
	 * Whether timers fire: initialized and not closed, and the scheduler thread, when started,
	 * still alive.
	 */
	public boolean isRunning() {
		Thread loop = this.thread;
		return this.initialized && !this.closed && (loop == null || loop.isAlive());
	}

	/** Names of the timers, enabled or not. */
	public List<String> timerNames() {
		return List.copyOf(this.timers.keySet());
	}

	/** Stops the thread and waits up to the shutdown timeout for running timers; idempotent. */
	@Override
	public void close() {
		Thread loop;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			loop = this.thread;
		}
		if (loop != null) {
			LockSupport.unpark(loop);
		}
		this.workers.shutdown();
		try {
			if (loop != null) {
				loop.join(this.shutdownTimeout.toMillis());
			}
			if (!this.workers.awaitTermination(this.shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				List<String> running = this.timers.values()
					.stream()
					.filter(ScheduledTimer::isRunning)
					.map(ScheduledTimer::name)
					.toList();
				logger.warn("Timer functions " + running + " still run after " + this.shutdownTimeout
						+ "; interrupting them");
				this.workers.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.workers.shutdownNow();
		}
	}

	public static final class Builder {

		private Clock clock = Clock.systemUTC();

		private TimerLock lock = new InProcessTimerLock();

		private TimerStatusStore store = new InMemoryTimerStatusStore();

		private Duration checkInterval = DEFAULT_CHECK_INTERVAL;

		private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

		private final List<TimerDefinition> timers = new ArrayList<>();

		private Builder() {
		}

		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock);
			return this;
		}

		/** Where the lock of each timer is taken; in-process by default. */
		public Builder lock(TimerLock lock) {
			this.lock = Objects.requireNonNull(lock);
			return this;
		}

		/** Where the schedule status lives; in memory by default. */
		public Builder store(TimerStatusStore store) {
			this.store = Objects.requireNonNull(store);
			return this;
		}

		public Builder checkInterval(Duration checkInterval) {
			if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
				throw new IllegalArgumentException("checkInterval must be positive, was " + checkInterval);
			}
			this.checkInterval = checkInterval;
			return this;
		}

		public Builder shutdownTimeout(Duration shutdownTimeout) {
			if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
				throw new IllegalArgumentException("shutdownTimeout must not be negative, was " + shutdownTimeout);
			}
			this.shutdownTimeout = shutdownTimeout;
			return this;
		}

		public Builder timer(TimerDefinition timer) {
			Objects.requireNonNull(timer, "timer");
			if (this.timers.stream().anyMatch((other) -> other.name().equals(timer.name()))) {
				throw new IllegalArgumentException("Two timers named '" + timer.name() + "'");
			}
			this.timers.add(timer);
			return this;
		}

		public TimerScheduler build() {
			return new TimerScheduler(this);
		}

	}

}
