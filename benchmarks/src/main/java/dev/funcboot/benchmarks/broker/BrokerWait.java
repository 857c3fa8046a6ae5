package dev.funcboot.benchmarks.broker;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a side to take every message, failing loudly when it does not. */
final class BrokerWait {

	private BrokerWait() {
	}

	static void until(BooleanSupplier done, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The consumer did not take every message within " + timeout);
			}
			Thread.sleep(5);
		}
	}

}
