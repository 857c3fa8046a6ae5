package dev.funcboot.trigger.storagequeue.binder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.azure.core.util.Context;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.Lifecycle;

/**
 * Reads one queue: fetches up to {@code batch-size} messages under a lease, hands them to
 * {@link BatchWorkers} (one by one, or in batch mode as one list), and polls again at once when the batch is settled, or after an
 * {@link AdaptivePollingInterval} wait when the queue was empty. A failed poll is logged and
 * backed off, never fatal.
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

	private final boolean batchMode;

	private final MessageDispatcher dispatcher;

	private final AdaptivePollingInterval polling;

	private final Object wakeUp = new Object();

	private volatile boolean running;

	private volatile Thread thread;

	private volatile BatchWorkers workers;

	private volatile String lastPollError;

	QueuePoller(QueueClient queue, StorageQueueConsumerProperties properties, int concurrency, boolean batchMode,
			MessageDispatcher dispatcher) {
		this.queue = queue;
		this.properties = properties;
		// a batch is one unit of work: one thread
		this.concurrency = batchMode ? 1 : Math.max(1, concurrency);
		this.batchMode = batchMode;
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
		this.workers = new BatchWorkers(name, this.concurrency, this.dispatcher, this::isRunning, this.batchMode);
		this.running = true;
		this.thread = new Thread(this, name + "-poller");
		this.thread.start();
	}

	@Override
	public void run() {
		while (this.running) {
			Duration wait;
			try {
				List<StorageQueueAcknowledgment> batch = receive();
				wait = batch.isEmpty() ? this.polling.afterEmpty() : this.polling.afterMessages();
				this.lastPollError = null;
				if (!batch.isEmpty()) {
					this.workers.process(batch);
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

	/** Receives a batch; every message is leased (and renewed) from now, also while it waits for a worker. */
	private List<StorageQueueAcknowledgment> receive() {
		List<QueueMessageItem> items = new ArrayList<>();
		this.queue.receiveMessages(this.properties.getBatchSize(), this.properties.getLease(), null, Context.NONE)
			.forEach(items::add);
		return items.stream().map((item) -> this.dispatcher.lease(this.queue, item)).toList();
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
		try {
			this.workers.shutdown(this.properties.getShutdownTimeout(), this.queue.getQueueName());
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
		BatchWorkers workers = this.workers;
		return (workers != null) ? workers.inFlight() : 0;
	}

	Duration currentPollingInterval() {
		return this.polling.current();
	}

	String lastPollError() {
		return this.lastPollError;
	}

}
