package dev.funcboot.functions.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TimeoutWatchdogTests {

	private final TimeoutWatchdog watchdog = new TimeoutWatchdog();

	@AfterEach
	void close() {
		this.watchdog.close();
		Thread.interrupted();
	}

	@Test
	void shortDeadlineArmedWhileTheWatchdogSleepsOnALongOneStillInterruptsOnTime() throws Exception {
		Thread sleeper = new Thread(() -> {
			TimeoutWatchdog.Guard guard = this.watchdog.arm(Duration.ofMinutes(10));
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				// released by the test
			}
			guard.disarm();
		});
		sleeper.start();
		await().until(() -> this.watchdog.guardCount() == 1);
		long start = System.nanoTime();
		TimeoutWatchdog.Guard guard = this.watchdog.arm(Duration.ofMillis(50));
		boolean interrupted = blocksUntilInterrupted();
		long elapsed = System.nanoTime() - start;
		assertThat(interrupted).isTrue();
		assertThat(guard.disarm()).isTrue();
		// woken for this deadline, not at its next regular look (up to a second later)
		assertThat(elapsed).isLessThan(TimeoutWatchdog.MAX_SLEEP);
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
		sleeper.interrupt();
		sleeper.join();
	}

	/** Waits up to 10 s; returns whether the wait ended by an interrupt. */
	private static boolean blocksUntilInterrupted() {
		try {
			new CountDownLatch(1).await(10, TimeUnit.SECONDS);
			return false;
		}
		catch (InterruptedException ex) {
			return true;
		}
	}

	@Test
	void attemptThatFinishesInTimeIsNeverInterrupted() throws Exception {
		for (int i = 0; i < 10_000; i++) {
			TimeoutWatchdog.Guard guard = this.watchdog.arm(Duration.ofSeconds(30));
			assertThat(guard.disarm()).isFalse();
		}
		Thread.sleep(50);
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
		// one reusable guard for this thread, however many attempts it made
		assertThat(this.watchdog.guardCount()).isEqualTo(1);
	}

	@Test
	void nestedAttemptTimesOutOnItsOwnAndLeavesTheOuterOneRunning() {
		TimeoutWatchdog.Guard outer = this.watchdog.arm(Duration.ofSeconds(30));
		TimeoutWatchdog.Guard inner = this.watchdog.arm(Duration.ofMillis(20));
		assertThat(inner).isNotSameAs(outer);
		boolean interrupted = blocksUntilInterrupted();
		assertThat(interrupted).isTrue();
		assertThat(inner.disarm()).isTrue();
		assertThat(this.watchdog.guardCount()).isEqualTo(1);
		assertThat(outer.disarm()).isFalse();
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	@Test
	void threadsTakingTurnsEachArmTheirOwnGuardAndOnlyTheLateOneIsInterrupted() throws Exception {
		TimeoutWatchdog.Guard mine = this.watchdog.arm(Duration.ofSeconds(30));
		assertThat(mine.disarm()).isFalse();
		AtomicReference<TimeoutWatchdog.Guard> theirs = new AtomicReference<>();
		AtomicBoolean interrupted = new AtomicBoolean();
		Thread other = new Thread(() -> {
			// armed right after this thread's guard was the last one used
			TimeoutWatchdog.Guard guard = this.watchdog.arm(Duration.ofMillis(20));
			theirs.set(guard);
			interrupted.set(blocksUntilInterrupted());
			guard.disarm();
		});
		other.start();
		other.join();
		assertThat(theirs.get()).isNotSameAs(mine);
		assertThat(interrupted).isTrue();
		// back on this thread: its own guard again, and no interrupt meant for the other thread
		TimeoutWatchdog.Guard again = this.watchdog.arm(Duration.ofSeconds(30));
		assertThat(again).isSameAs(mine);
		assertThat(again.disarm()).isFalse();
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
		assertThat(this.watchdog.guardsOf(Thread.currentThread())).isOne();
	}

	@Test
	void aKeptGuardIsUsedOnlyByItsOwnThreadAndWatchdogAndNotWhenArmed() throws Exception {
		TimeoutWatchdog.Guard mine = this.watchdog.arm(System.nanoTime(), Duration.ofSeconds(30), null);
		assertThat(mine.isOwn()).isTrue();
		// armed: an attempt nested in it gets a guard of its own
		TimeoutWatchdog.Guard nested = this.watchdog.arm(System.nanoTime(), Duration.ofSeconds(30), mine);
		assertThat(nested).isNotSameAs(mine);
		assertThat(nested.isOwn()).isFalse();
		assertThat(nested.disarm()).isFalse();
		assertThat(mine.disarm()).isFalse();
		assertThat(this.watchdog.arm(System.nanoTime(), Duration.ofSeconds(30), mine)).isSameAs(mine);
		assertThat(mine.disarm()).isFalse();
		// another thread handed this thread's guard arms its own
		AtomicReference<TimeoutWatchdog.Guard> theirs = new AtomicReference<>();
		Thread other = new Thread(() -> {
			TimeoutWatchdog.Guard guard = this.watchdog.arm(System.nanoTime(), Duration.ofSeconds(30), mine);
			theirs.set(guard);
			guard.disarm();
		});
		other.start();
		other.join();
		assertThat(theirs.get()).isNotSameAs(mine);
		// another watchdog's guard is not used either
		try (TimeoutWatchdog second = new TimeoutWatchdog()) {
			TimeoutWatchdog.Guard own = second.arm(System.nanoTime(), Duration.ofSeconds(30), mine);
			assertThat(own).isNotSameAs(mine);
			assertThat(own.disarm()).isFalse();
		}
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	@Test
	void guardsOfThreadsThatEndedAreDropped() throws Exception {
		AtomicLong registered = new AtomicLong();
		Thread worker = new Thread(() -> {
			TimeoutWatchdog.Guard guard = this.watchdog.arm(Duration.ofMillis(200));
			registered.set(this.watchdog.guardsOf(Thread.currentThread()));
			guard.disarm();
		});
		worker.start();
		worker.join();
		assertThat(registered).hasValue(1);
		// a look (at the latest a second later; this attempt's deadline wakes it) drops the dead thread's guard
		this.watchdog.arm(Duration.ofMillis(1)).disarm();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.watchdog.guardsOf(worker) == 0);
		assertThat(this.watchdog.guardsOf(Thread.currentThread())).isOne();
	}

}
