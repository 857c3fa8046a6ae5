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
 * {@link MessageDispatcher} and returns when every one is settled or released. A message whose
 * turn comes after the consumer stopped is released at once (visible again), never processed.
 */
final class BatchWorkers {

	private static final Log logger = LogFactory.getLog(BatchWorkers.class);

	private final ExecutorService executor;

	private final MessageDispatcher dispatcher;

	private final BooleanSupplier running;

	private final AtomicInteger inFlight = new AtomicInteger();

	BatchWorkers(String name, int threads, MessageDispatcher dispatcher, BooleanSupplier running) {
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				(runnable) -> new Thread(runnable, name + "-" + count.incrementAndGet()));
		this.dispatcher = dispatcher;
		this.running = running;
	}

	/** Processes the batch; returns once each message is settled, released or abandoned. */
	void process(List<StorageQueueAcknowledgment> batch) {
		CountDownLatch done = new CountDownLatch(batch.size());
		List<Delivery> deliveries = new ArrayList<>();
		batch.forEach((acknowledgment) -> deliveries.add(new Delivery(acknowledgment, done)));
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

	/** One message on its way to a worker. */
	private final class Delivery implements Runnable {

		private final StorageQueueAcknowledgment acknowledgment;

		private final CountDownLatch done;

		Delivery(StorageQueueAcknowledgment acknowledgment, CountDownLatch done) {
			this.acknowledgment = acknowledgment;
			this.done = done;
		}

		@Override
		public void run() {
			if (!BatchWorkers.this.running.getAsBoolean()) {
				skip();
				return;
			}
			BatchWorkers.this.inFlight.incrementAndGet();
			try {
				BatchWorkers.this.dispatcher.dispatch(this.acknowledgment);
			}
			finally {
				BatchWorkers.this.inFlight.decrementAndGet();
				this.done.countDown();
			}
		}

		void skip() {
			try {
				this.acknowledgment.release();
			}
			finally {
				this.done.countDown();
			}
		}

	}

}
