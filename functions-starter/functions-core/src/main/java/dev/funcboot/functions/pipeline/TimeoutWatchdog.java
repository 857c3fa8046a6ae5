package dev.funcboot.functions.pipeline;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Interrupts threads whose attempt ran past its deadline. Each invoking thread has one reusable
 * {@link Guard}; arming it is a field write, not a scheduled task, so a guarded attempt costs
 * tens of nanoseconds, which matters at hundreds of thousands of messages a second. One daemon
 * thread sleeps until the earliest deadline (at most {@link #MAX_SLEEP}), wakes early when an
 * attempt is armed with an earlier one, and interrupts the threads that are late.
 *
 * <p>The guard's monitor makes "finished" and "timed out" mutually exclusive and guarantees the
 * interrupt has been delivered before {@link Guard#disarm()} clears it. An attempt nested in
 * another on the same thread gets a guard of its own for its duration.
 */
final class TimeoutWatchdog implements AutoCloseable {

	static final long MAX_SLEEP = TimeUnit.SECONDS.toNanos(1);

	private final Set<Guard> guards = ConcurrentHashMap.newKeySet();

	private final ThreadLocal<Guard> current = new ThreadLocal<>();

	private final Thread thread;

	/** When the watchdog wakes next (nanoTime); an earlier deadline unparks it. */
	private volatile long wakeAt;

	/** Whether the watchdog is looking at the guards now: an attempt armed meanwhile unparks it. */
	private volatile boolean scanning;

	private volatile boolean closed;

	TimeoutWatchdog() {
		this.wakeAt = System.nanoTime();
		this.thread = new Thread(this::watch, "funcboot-timeout");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Arms a guard of the calling thread; disarm it when the attempt ends. */
	Guard arm(Duration timeout) {
		long deadline = System.nanoTime() + Math.max(1, timeout.toNanos());
		Guard guard = this.current.get();
		if (guard == null || guard.isArmed()) {
			// first attempt on this thread, or one nested in another: a guard of its own
			Guard outer = guard;
			guard = new Guard(Thread.currentThread(), outer);
			this.guards.add(guard);
			if (outer == null) {
				this.current.set(guard);
			}
		}
		guard.arm(deadline);
		if (this.scanning || deadline - this.wakeAt < 0) {
			LockSupport.unpark(this.thread);
		}
		return guard;
	}

	private void watch() {
		while (!this.closed) {
			this.scanning = true;
			long now = System.nanoTime();
			long next = now + MAX_SLEEP;
			for (Guard guard : this.guards) {
				if (!guard.thread.isAlive()) {
					this.guards.remove(guard);
					continue;
				}
				long deadline = guard.deadline;
				if (deadline == Guard.IDLE) {
					continue;
				}
				if (deadline - now <= 0) {
					guard.expire(deadline);
				}
				else if (deadline - next < 0) {
					next = deadline;
				}
			}
			this.wakeAt = next;
			this.scanning = false;
			// an attempt armed during the scan has unparked us: the park returns at once
			LockSupport.parkNanos(this, Math.max(0, next - System.nanoTime()));
			if (Thread.interrupted() && this.closed) {
				return;
			}
		}
	}

	/** How many threads' guards the watchdog looks after (tests). */
	int guardCount() {
		return this.guards.size();
	}

	/** How many guards the watchdog holds for the thread (tests). */
	long guardsOf(Thread thread) {
		return this.guards.stream().filter((guard) -> guard.thread == thread).count();
	}

	@Override
	public void close() {
		this.closed = true;
		this.thread.interrupt();
	}

	/** The deadline of one thread's current attempt. */
	final class Guard {

		static final long IDLE = Long.MIN_VALUE;

		private final Thread thread;

		/** The guard of the attempt this one is nested in, or {@code null}. */
		private final Guard outer;

		private volatile long deadline = IDLE;

		private boolean timedOut;

		private Guard(Thread thread, Guard outer) {
			this.thread = thread;
			this.outer = outer;
		}

		boolean isArmed() {
			return this.deadline != IDLE;
		}

		private synchronized void arm(long deadline) {
			this.timedOut = false;
			this.deadline = deadline;
		}

		private synchronized void expire(long seen) {
			if (this.deadline == seen) {
				this.deadline = IDLE;
				this.timedOut = true;
				this.thread.interrupt();
			}
		}

		/** Ends the attempt; returns whether it timed out, and then clears the interrupt it caused. */
		boolean disarm() {
			boolean result;
			synchronized (this) {
				this.deadline = IDLE;
				result = this.timedOut;
				this.timedOut = false;
			}
			if (this.outer != null) {
				// a nested attempt's guard is used once
				TimeoutWatchdog.this.guards.remove(this);
			}
			if (result) {
				Thread.interrupted();
			}
			return result;
		}

	}

}
