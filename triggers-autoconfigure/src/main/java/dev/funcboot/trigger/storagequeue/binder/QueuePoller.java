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

import com.azure.core.util.Context;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.Lifecycle;

/**
 * Reads one queue: fetches up to {@code batch-size} messages under a lease, hands them to
 * {@code concurrency} worker threads through a {@link MessageDispatcher}, waits until the batch is
 * settled, and polls again at once, or after an {@link AdaptivePollingInterval} wait when the
 * queue was empty. A failed poll is logged and backed off, never fatal.
 *
 * <p>{@link #stop()} stops polling, lets running messages finish within the shutdown timeout, then
 * interrupts them; received messages that never started are made visible again at once, so a
 * restarted consumer gets them without waiting for their lease.
 */
final class QueuePoller implements Lifecycle, Runnable {

	private static final Log logger = LogFactory.getLog(QueuePoller.class);

	private final QueueClient queue;

	private final StorageQueueConsumerProperties properties;

	private final int concurrency;

	private final MessageDispatcher dispatcher;

	private final AdaptivePollingInterval polling;

	private final Object wakeUp = new Object();

	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile boolean running;

	private volatile Thread thread;

	private volatile ExecutorService workers;

	private volatile String lastPollError;

	QueuePoller(QueueClient queue, StorageQueueConsumerProperties properties, int concurrency,
			MessageDispatcher dispatcher) {
		this.queue = queue;
		this.properties = properties;
		this.concurrency = Math.max(1, concurrency);
		this.dispatcher = dispatcher;
		this.polling = new AdaptivePollingInterval(properties.getMinPollingInterval(),
				properties.getMaxPollingInterval());
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		if (this.properties.isCreateQueue()) {
			this.queue.createIfNotExists();
		}
		String name = "storagequeue-" + this.queue.getQueueName();
		AtomicInteger count = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(this.concurrency, this.concurrency, 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (runnable) -> new Thread(runnable, name + "-" + count.incrementAndGet()));
		this.running = true;
		this.thread = new Thread(this, name + "-poller");
		this.thread.start();
	}

	@Override
	public void run() {
		while (this.running) {
			Duration wait;
			try {
				List<QueueMessageItem> items = receive();
				wait = items.isEmpty() ? this.polling.afterEmpty() : this.polling.afterMessages();
				this.lastPollError = null;
				if (!items.isEmpty()) {
					deliver(items);
				}
			}
			catch (RuntimeException ex) {
				wait = this.polling.afterEmpty();
				this.lastPollError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				logger.warn("Polling queue '" + this.queue.getQueueName() + "' failed; next try in " + wait + ": "
						+ ex.getMessage());
			}
			pause(wait);
		}
	}

	private List<QueueMessageItem> receive() {
		List<QueueMessageItem> items = new ArrayList<>();
		this.queue.receiveMessages(this.properties.getBatchSize(), this.properties.getLease(), null, Context.NONE)
			.forEach(items::add);
		return items;
	}

	private void deliver(List<QueueMessageItem> items) {
		CountDownLatch done = new CountDownLatch(items.size());
		List<Delivery> deliveries = new ArrayList<>();
		for (QueueMessageItem item : items) {
			// every message of the batch is leased (and renewed) from now, also while it waits for a worker
			deliveries.add(new Delivery(this.dispatcher.lease(this.queue, item), done));
		}
		for (Delivery delivery : deliveries) {
			if (!this.running) {
				delivery.skip();
				continue;
			}
			try {
				this.workers.execute(delivery);
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

	private void pause(Duration wait) {
		if (wait.isZero() || !this.running) {
			return;
		}
		synchronized (this.wakeUp) {
			try {
				this.wakeUp.wait(Math.max(1, wait.toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		synchronized (this.wakeUp) {
			this.wakeUp.notifyAll();
		}
		ExecutorService executor = this.workers;
		executor.shutdown();
		try {
			if (!executor.awaitTermination(this.properties.getShutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Messages of queue '" + this.queue.getQueueName() + "' still running after "
						+ this.properties.getShutdownTimeout() + "; interrupting them");
				for (Runnable waiting : executor.shutdownNow()) {
					((Delivery) waiting).skip();
				}
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	int inFlight() {
		return this.inFlight.get();
	}

	Duration currentPollingInterval() {
		return this.polling.current();
	}

	String lastPollError() {
		return this.lastPollError;
	}

	/** One message on its way to a worker; skipped (released at once) when the poller stops first. */
	private final class Delivery implements Runnable {

		private final StorageQueueAcknowledgment acknowledgment;

		private final CountDownLatch done;

		Delivery(StorageQueueAcknowledgment acknowledgment, CountDownLatch done) {
			this.acknowledgment = acknowledgment;
			this.done = done;
		}

		@Override
		public void run() {
			if (!QueuePoller.this.running) {
				skip();
				return;
			}
			QueuePoller.this.inFlight.incrementAndGet();
			try {
				QueuePoller.this.dispatcher.dispatch(this.acknowledgment);
			}
			finally {
				QueuePoller.this.inFlight.decrementAndGet();
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
