package dev.funcboot.trigger.storagequeue.binder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The worker threads of one queue consumer: runs a batch of leased messages through the
 * {@link MessageDispatcher}, each message on its own or, in batch mode, the whole batch at once, and
 * returns when every one is settled or released. Messages whose turn comes after the consumer
 * stopped are released at once (visible again), never processed.
 */
final class BatchWorkers {

	private static final Log logger = LogFactory.getLog(BatchWorkers.class);

	private final ExecutorService executor;

	private final MessageDispatcher dispatcher;

	private final BooleanSupplier running;

	private final boolean batchMode;

	private final AtomicInteger inFlight = new AtomicInteger();

	BatchWorkers(String name, int threads, MessageDispatcher dispatcher, BooleanSupplier running, boolean batchMode) {
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				(runnable) -> new Thread(runnable, name + "-" + count.incrementAndGet()));
		this.dispatcher = dispatcher;
		this.running = running;
		this.batchMode = batchMode;
	}

	/** Processes the batch; returns once each message is settled, released or abandoned. */
	void process(List<StorageQueueAcknowledgment> batch) {
		List<List<StorageQueueAcknowledgment>> units = this.batchMode ? List.of(batch)
				: batch.stream().map(List::of).toList();
		CountDownLatch done = new CountDownLatch(units.size());
		List<Delivery> deliveries = new ArrayList<>();
		units.forEach((unit) -> deliveries.add(new Delivery(unit, done)));
		for (Delivery delivery : deliveries) {
			try {
				this.executor.execute(delivery);
			}
			catch (RejectedExecutionException ex) {
				delivery.skip();
			}
		}
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Lets running messages finish within the timeout, then interrupts them; the ones still
	 * waiting for a thread are released.
	 */
	void shutdown(Duration timeout, String queue) throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			logger.warn("Messages of queue '" + queue + "' still running after " + timeout + "; interrupting them");
			for (Runnable waiting : this.executor.shutdownNow()) {
				((Delivery) waiting).skip();
			}
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	int inFlight() {
		return this.inFlight.get();
	}

	/** One message (or, in batch mode, one batch) on its way to a worker. */
	private final class Delivery implements Runnable {

		private final List<StorageQueueAcknowledgment> acknowledgments;

		private final CountDownLatch done;

		Delivery(List<StorageQueueAcknowledgment> acknowledgments, CountDownLatch done) {
			this.acknowledgments = acknowledgments;
			this.done = done;
		}

		@Override
		public void run() {
			if (!BatchWorkers.this.running.getAsBoolean()) {
				skip();
				return;
			}
			BatchWorkers.this.inFlight.addAndGet(this.acknowledgments.size());
			try {
				if (BatchWorkers.this.batchMode) {
					BatchWorkers.this.dispatcher.dispatchBatch(this.acknowledgments);
				}
				else {
					BatchWorkers.this.dispatcher.dispatch(this.acknowledgments.get(0));
				}
			}
			finally {
				BatchWorkers.this.inFlight.addAndGet(-this.acknowledgments.size());
				this.done.countDown();
			}
		}

		void skip() {
			try {
				this.acknowledgments.forEach(StorageQueueAcknowledgment::release);
			}
			finally {
				this.done.countDown();
			}
		}

	}

}
