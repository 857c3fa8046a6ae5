package dev.funcboot.benchmarks.queue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.core.util.Context;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;

/**
 * The baseline: what a careful hand-written consumer on the Azure SDK does. It receives up to 32
 * messages a call, runs the no-op handler and deletes each message on a pool of 32 threads, and
 * fetches the next batch as soon as half of the pool is free (as the binder's new-batch
 * threshold does), so the queue is never idle while work remains.
 */
final class RawQueueConsumer {

	private static final int BATCH = 32;

	private RawQueueConsumer() {
	}

	/** Consumes {@code expected} messages; returns nanoseconds from the first handled to the last. */
	static long consume(QueueClient queue, int expected, Duration timeout) throws InterruptedException {
		ExecutorService workers = Executors.newFixedThreadPool(BATCH);
		Semaphore free = new Semaphore(BATCH);
		AtomicInteger handled = new AtomicInteger();
		long[] first = { 0 };
		long[] last = { 0 };
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (handled.get() < expected) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The raw consumer handled " + handled.get() + " of " + expected
							+ " messages within " + timeout);
				}
				// wait until half the pool is free, then take as many messages as there are free threads
				free.acquire(BATCH / 2);
				int extra = free.drainPermits();
				int want = BATCH / 2 + extra;
				int received = 0;
				for (QueueMessageItem item : queue.receiveMessages(want, Duration.ofSeconds(60), null, Context.NONE)) {
					received++;
					workers.execute(() -> {
						try {
							NoopWork.handle(item.getBody().toBytes());
							// timed when handled, as on the Funcboot side; the delete follows
							long now = System.nanoTime();
							synchronized (first) {
								if (first[0] == 0) {
									first[0] = now;
								}
								last[0] = Math.max(last[0], now);
							}
							queue.deleteMessage(item.getMessageId(), item.getPopReceipt());
							handled.incrementAndGet();
						}
						finally {
							free.release();
						}
					});
				}
				free.release(want - received);
				if (received == 0) {
					Thread.sleep(10);
				}
			}
		}
		finally {
			workers.shutdown();
			workers.awaitTermination(30, TimeUnit.SECONDS);
		}
		synchronized (first) {
			return last[0] - first[0];
		}
	}

}
