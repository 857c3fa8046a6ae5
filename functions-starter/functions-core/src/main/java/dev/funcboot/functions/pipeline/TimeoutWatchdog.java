package dev.funcboot.functions.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * <p>A compare-and-set on the guard's deadline makes "finished" and "timed out" mutually
 * exclusive, and {@link Guard#disarm()} clears the interrupt only once it has been delivered. An
 * attempt nested in another on the same thread gets a guard of its own for its duration.
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
		return arm(System.nanoTime(), timeout);
	}

	/**
	 * Arms a guard of the calling thread for an attempt that started at the nanoTime; disarm it
	 * when the attempt ends.
	 */
	Guard arm(long start, Duration timeout) {
		return arm(start, timeout, null);
	}

	/**
	 * Arms a guard of the calling thread, as {@link #arm(long, Duration)}; the caller may hand in
	 * the thread's guard it kept from an earlier attempt ({@link Guard#isOwn()}): a broker's poll
	 * arms it hundreds of times in a row, and the thread-local lookup it saves can probe a long way
	 * on a thread with many thread-locals (a Kafka consumer's).
	 * @param known a guard kept by the caller, or {@code null}; used only when it is this
	 * watchdog's, this thread's own and not armed (else the attempt is nested, and gets a guard of
	 * its own)
	 */
	Guard arm(long start, Duration timeout, Guard known) {
		long deadline = start + Math.max(1, timeout.toNanos());
		Thread thread = Thread.currentThread();
		Guard guard = (known != null && known.owner() == this && known.thread == thread && known.outer == null) ? known
				: this.current.get();
		if (guard == null || guard.isArmed()) {
			// first attempt on this thread, or one nested in another: a guard of its own
			Guard outer = guard;
			guard = new Guard(thread, outer);
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
				if (!Guard.isDeadline(deadline)) {
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

	/**
	 * The deadline of one thread's current attempt, and the state machine that decides whether it
	 * finished or timed out: its owner arms it (a volatile write) and disarms it with one
	 * compare-and-set; the watchdog expires it by moving the deadline it saw to
	 * {@link #EXPIRING}, interrupts the thread, and then marks it {@link #TIMED_OUT}. A disarm that
	 * finds it expiring waits for that mark, so the interrupt is delivered before it is cleared.
	 */
	final class Guard {

		static final long IDLE = Long.MIN_VALUE;

		/** The watchdog took the deadline and is interrupting the thread. */
		static final long EXPIRING = Long.MIN_VALUE + 1;

		/** The thread was interrupted for its deadline. */
		static final long TIMED_OUT = Long.MIN_VALUE + 2;

		private static final VarHandle DEADLINE;

		static {
			try {
				DEADLINE = MethodHandles.lookup().findVarHandle(Guard.class, "deadline", long.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		private final Thread thread;

		/** The guard of the attempt this one is nested in, or {@code null}. */
		private final Guard outer;

		/** A deadline (nanoTime), or {@link #IDLE}, {@link #EXPIRING}, {@link #TIMED_OUT}. */
		private volatile long deadline = IDLE;

		private Guard(Thread thread, Guard outer) {
			this.thread = thread;
			this.outer = outer;
		}

		boolean isArmed() {
			return this.deadline != IDLE;
		}

		private TimeoutWatchdog owner() {
			return TimeoutWatchdog.this;
		}

		/** Whether this is its thread's own guard, reused by every attempt that is not nested. */
		boolean isOwn() {
			return this.outer == null;
		}

		/** Whether the value is a deadline, not a state. */
		static boolean isDeadline(long value) {
			return value != IDLE && value != EXPIRING && value != TIMED_OUT;
		}

		private void arm(long deadline) {
			// only the owner writes a deadline, over IDLE (a volatile write: the watchdog's scanning
			// flag, read next, is then up to date)
			this.deadline = isDeadline(deadline) ? deadline : deadline + 3;
		}

		private void expire(long seen) {
			if (DEADLINE.compareAndSet(this, seen, EXPIRING)) {
				this.thread.interrupt();
				this.deadline = TIMED_OUT;
			}
		}

		/** Ends the attempt; returns whether it timed out, and then clears the interrupt it caused. */
		boolean disarm() {
			long armed = this.deadline;
			boolean timedOut = armed != IDLE && !(isDeadline(armed) && DEADLINE.compareAndSet(this, armed, IDLE));
			if (timedOut) {
				while (this.deadline == EXPIRING) {
					Thread.onSpinWait();
				}
				this.deadline = IDLE;
			}
			if (this.outer != null) {
				// a nested attempt's guard is used once
				TimeoutWatchdog.this.guards.remove(this);
			}
			if (timedOut) {
				Thread.interrupted();
			}
			return timedOut;
		}

	}

}
