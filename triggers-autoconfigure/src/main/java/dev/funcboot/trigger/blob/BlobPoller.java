package dev.funcboot.trigger.blob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.storage.blob.BlobContainerClient;
import dev.funcboot.functions.binding.BlobTriggerBinding;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs the new and changed blobs of one blob function: each scan ({@link BlobScanner}) picks up to
 * {@code max-blobs-per-scan} versions not known to be finished, each runs on a worker (as many as
 * the function's concurrency limit allows) that claims the version's receipt, keeps the claim
 * renewed and runs it ({@link BlobTriggerHandler}). A truncated scan is followed by the next as
 * soon as a worker is free, an exhausted one after the polling interval. Stopping drops versions
 * that did not start, waits for running ones up to the shutdown timeout, then interrupts them
 * (they are retried).
 */
final class BlobPoller {

	private static final Log logger = LogFactory.getLog(BlobPoller.class);

	private final String function;

	private final BlobTriggerBinding trigger;

	private final BlobContainerClient container;

	private final BlobReceipts receipts;

	private final BlobScanner scanner;

	private final BlobTriggerHandler handler;

	private final ScheduledExecutorService renewals;

	private final Clock clock;

	private final int workers;

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final Object monitor = new Object();

	private final AtomicInteger started = new AtomicInteger();

	private final AtomicInteger scans = new AtomicInteger();

	private final AtomicInteger receiptChecks = new AtomicInteger();

	private volatile boolean running;

	private volatile Thread thread;

	private volatile ExecutorService executor;

	private volatile Instant lastScan;

	private volatile String lastScanError;

	/**
	 * @param workers how many versions run at once
	 * @param renewals where claim renewals run, shared by the pollers
	 */
	BlobPoller(String function, BlobTriggerBinding trigger, BlobContainerClient container, BlobReceipts receipts,
			BlobTriggerHandler handler, int workers, ScheduledExecutorService renewals, Clock clock) {
		this.function = function;
		this.trigger = trigger;
		this.container = container;
		this.receipts = receipts;
		this.scanner = new BlobScanner(trigger, container, receipts.scanState(function, trigger.path().container()));
		this.handler = handler;
		this.workers = workers;
		this.renewals = renewals;
		this.clock = clock;
	}

	synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(this.workers, (task) -> {
			Thread worker = new Thread(task, "funcboot-blob-" + this.function + "-" + threads.incrementAndGet());
			worker.setDaemon(true);
			return worker;
		});
		Thread loop = new Thread(this::loop, "funcboot-blob-poller-" + this.function);
		loop.setDaemon(true);
		this.thread = loop;
		loop.start();
	}

	synchronized void stop(Duration timeout) {
		if (!this.running) {
			return;
		}
		this.running = false;
		// wake the loop rather than interrupt it: an interrupted listing makes the SDK log errors
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
		ExecutorService executor = this.executor;
		executor.shutdown();
		try {
			if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Blob function '" + this.function + "' still runs after " + timeout
						+ "; interrupting it (its blob is retried)");
				executor.shutdownNow();
				executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	boolean isRunning() {
		return this.running;
	}

	int inFlight() {
		return this.inFlight.size();
	}

	Instant lastScan() {
		return this.lastScan;
	}

	String lastScanError() {
		return this.lastScanError;
	}

	/** How many versions this poller claimed (and ran) since it started. */
	int claimed() {
		return this.started.get();
	}

	/** How many times it read a receipt (claimed or found a version finished) since it started. */
	int receiptChecks() {
		return this.receiptChecks.get();
	}

	/** Before this time every matching version is finished (shared by replicas), or {@code null}. */
	Instant watermark() {
		return this.scanner.watermark();
	}

	/** How many scans completed since it started. */
	int scans() {
		return this.scans.get();
	}

	private void loop() {
		while (this.running) {
			boolean truncated = false;
			try {
				truncated = scan();
				this.lastScanError = null;
			}
			catch (RuntimeException ex) {
				this.lastScanError = ex.toString();
				logger.warn("Blob function '" + this.function + "' could not scan '" + this.trigger.path().container()
						+ "': " + ex);
			}
			try {
				synchronized (this.monitor) {
					if (!this.running) {
						return;
					}
					long wait = this.trigger.options().pollingInterval().toMillis();
					if (truncated) {
						// go on as soon as a version finishes, but never wait past the polling interval
						if (this.inFlight.size() >= this.trigger.options().maxBlobsPerScan()) {
							this.monitor.wait(wait);
						}
					}
					else {
						this.monitor.wait(wait);
					}
				}
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** One scan; returns whether it left matching versions for the next scan. */
	boolean scan() {
		Instant now = this.clock.instant();
		BlobScanner.Scan scan = this.scanner.scan(now, this.trigger.options().maxBlobsPerScan() - this.inFlight.size(),
				this.inFlight);
		this.lastScan = now;
		this.scans.incrementAndGet();
		for (BlobVersion version : scan.candidates) {
			this.inFlight.add(version.key());
			try {
				this.executor.execute(() -> run(version));
			}
			catch (RuntimeException ex) {
				// stopping
				this.inFlight.remove(version.key());
			}
		}
		return scan.truncated;
	}

	private void run(BlobVersion version) {
		try {
			if (!this.running) {
				return;
			}
			this.receiptChecks.incrementAndGet();
			Claim.Result result = this.receipts.claim(this.function, version, this.trigger.options().lease());
			if (result.claim() == null) {
				if (result.skip() == Claim.Skip.FINISHED) {
					this.scanner.finished(version);
				}
				else if (result.skip() == Claim.Skip.NOT_YET) {
					this.scanner.notBefore(version, result.notBefore());
				}
				return;
			}
			this.started.incrementAndGet();
			long renewEvery = this.trigger.options().lease().toMillis() / 2;
			Claim claim = result.claim();
			ScheduledFuture<?> renewal = this.renewals.scheduleAtFixedRate(() -> renew(claim, version), renewEvery,
					renewEvery, TimeUnit.MILLISECONDS);
			try {
				if (this.handler.process(this.container, version, claim)) {
					this.scanner.finished(version);
				}
				this.scanner.notBefore(version, null);
			}
			finally {
				renewal.cancel(false);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Blob function '" + this.function + "' could not claim '" + version.container() + "/"
					+ version.name() + "' (ETag " + version.etag() + "); it is tried again on a later scan: " + ex);
		}
		finally {
			this.inFlight.remove(version.key());
			synchronized (this.monitor) {
				this.monitor.notifyAll();
			}
		}
	}

	private void renew(Claim claim, BlobVersion version) {
		try {
			claim.renew();
		}
		catch (RuntimeException ex) {
			logger.warn("Blob function '" + this.function + "' could not renew its claim on '" + version.container()
					+ "/" + version.name() + "'; another replica may take it over: " + ex);
		}
	}

}
