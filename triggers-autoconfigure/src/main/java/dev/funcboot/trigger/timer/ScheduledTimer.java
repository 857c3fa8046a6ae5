package dev.funcboot.trigger.timer;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.funcboot.functions.timer.ScheduleStatus;
import dev.funcboot.functions.timer.TimerInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One timer's state in one replica, and how it fires an occurrence. At most one run of a timer is
 * in flight ({@link #tryStart()}); the fields other than {@code running} are written only by that
 * run, or before the first.
 *
 * <p>Exactly once across replicas does not depend on lock timing: under the timer's lock the run
 * reads the shared status and skips an occurrence that some replica already ran; a replica that
 * does not get the lock keeps the occurrence due and tries again at its next check.
 */
final class ScheduledTimer {

	private static final Log logger = LogFactory.getLog(ScheduledTimer.class);

	private final TimerDefinition definition;

	private final AtomicBoolean running = new AtomicBoolean();

	/** The occurrence this replica fires next, or {@code null} when there is none. */
	private volatile Instant next;

	/** When this replica initialized the timer; occurrences before it were missed. */
	private volatile Instant startedAt;

	/** When the last run of this replica ended; a later occurrence than it was delayed by it. */
	private volatile Instant lastFinished;

	/** Whether the last check failed on the lock or the store; later failures log at debug. */
	private volatile boolean failing;

	ScheduledTimer(TimerDefinition definition) {
		this.definition = definition;
	}

	TimerDefinition definition() {
		return this.definition;
	}

	String name() {
		return this.definition.name();
	}

	Instant next() {
		return this.next;
	}

	boolean isRunning() {
		return this.running.get();
	}

	boolean isDue(Instant now) {
		Instant due = this.next;
		return this.definition.enabled() && due != null && !due.isAfter(now);
	}

	boolean tryStart() {
		return this.running.compareAndSet(false, true);
	}

	void finish() {
		this.running.set(false);
	}

	/**
	 * Computes the next occurrence. With the monitor, an occurrence the shared status expected
	 * before now was missed: it becomes due at once. Without status, writes one, so that a stop
	 * before the first occurrence is noticed on the next start.
	 */
	void initialize(Instant now, TimerLock lock, TimerStatusStore store) {
		TimerSchedule schedule = this.definition.schedule();
		this.startedAt = now;
		this.next = schedule.nextAfter(now);
		if (!this.definition.enabled() || !this.definition.useMonitor()) {
			return;
		}
		try {
			ScheduleStatus status = store.read(name());
			if (status != null && status.next() != null && status.next().isBefore(now)) {
				this.next = status.next();
				logger.info("Timer function '" + name() + "' missed its occurrence at " + status.next()
						+ " while the application was down; it runs now, past due");
			}
			else if (status == null) {
				Optional<TimerLock.Held> held = lock.tryLock(name());
				if (held.isPresent()) {
					try (TimerLock.Held h = held.get()) {
						if (store.read(name()) == null) {
							store.write(name(), new ScheduleStatus(null, this.next, now));
						}
					}
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Timer function '" + name() + "' cannot read its schedule status; missed occurrences "
					+ "are not detected this time: " + ex, ex);
		}
	}

	/** Fires the latest due occurrence, once across replicas. The caller holds {@link #tryStart()}. */
	void runDue(Clock clock, TimerLock lock, TimerStatusStore store) {
		Instant now = clock.instant();
		Instant expected = this.next;
		if (expected == null || expected.isAfter(now)) {
			return;
		}
		TimerSchedule schedule = this.definition.schedule();
		Instant occurrence = schedule.latestDue(expected, now);
		Optional<TimerLock.Held> held;
		try {
			held = lock.tryLock(name());
		}
		catch (RuntimeException ex) {
			failed("cannot take its lock", ex);
			return;
		}
		if (held.isEmpty()) {
			logger.debug("Timer function '" + name() + "' is locked by another replica; checking again later");
			return;
		}
		try (TimerLock.Held h = held.get()) {
			ScheduleStatus status = store.read(name());
			if (status != null && status.last() != null && !status.last().isBefore(occurrence)) {
				logger.debug("Timer function '" + name() + "' occurrence " + occurrence + " already ran");
			}
			else {
				fire(occurrence, expected, status, clock);
				write(store, new ScheduleStatus(occurrence, schedule.nextAfter(occurrence), clock.instant()));
			}
		}
		catch (RuntimeException ex) {
			failed("cannot read its schedule status or release its lock", ex);
			return;
		}
		if (this.failing) {
			this.failing = false;
			logger.info("Timer function '" + name() + "' reaches its lock and schedule status again");
		}
		this.next = schedule.nextAfter(occurrence);
	}

	/** Logs a failed check once at WARN, then at DEBUG until a check succeeds (a database is down). */
	private void failed(String what, RuntimeException ex) {
		String message = "Timer function '" + name() + "' " + what + "; trying again at the next check: " + ex;
		if (this.failing) {
			logger.debug(message, ex);
		}
		else {
			this.failing = true;
			logger.warn(message, ex);
		}
	}

	private void fire(Instant occurrence, Instant expected, ScheduleStatus status, Clock clock) {
		// past due: found due at start, skipped an occurrence nobody ran, or waited for its own run;
		// the shared status knows better than this replica when another replica ran the last one
		Instant expectedByAll = (status != null && status.next() != null && status.next().isAfter(expected))
				? status.next() : expected;
		Instant finished = this.lastFinished;
		boolean pastDue = occurrence.isBefore(this.startedAt) || occurrence.isAfter(expectedByAll)
				|| (finished != null && finished.isAfter(occurrence));
		run(new TimerInfo(this.definition.schedule().expression(), occurrence,
				this.definition.useMonitor() ? status : null, pastDue), clock);
	}

	/** The run-on-startup run: now, not past due, not recorded as an occurrence. */
	void runOnStartup(Clock clock, TimerStatusStore store) {
		ScheduleStatus status = null;
		if (this.definition.useMonitor()) {
			try {
				status = store.read(name());
			}
			catch (RuntimeException ex) {
				logger.debug("Cannot read the schedule status of timer function '" + name() + "'", ex);
			}
		}
		run(new TimerInfo(this.definition.schedule().expression(), clock.instant(), status, false), clock);
	}

	private void run(TimerInfo info, Clock clock) {
		try {
			this.definition.action().accept(info);
		}
		catch (RuntimeException ex) {
			logger.error("Timer function '" + name() + "' failed at occurrence " + info.scheduledTime(), ex);
		}
		finally {
			this.lastFinished = clock.instant();
		}
	}

	private void write(TimerStatusStore store, ScheduleStatus status) {
		try {
			store.write(name(), status);
		}
		catch (RuntimeException ex) {
			// the function ran: this replica moves on; another one may run the occurrence again
			logger.error("Timer function '" + name() + "' ran occurrence " + status.last()
					+ " but cannot record it; another replica may run it again: " + ex, ex);
		}
	}

}
