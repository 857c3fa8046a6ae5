package dev.funcboot.trigger.blob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import dev.funcboot.functions.binding.BlobTriggerBinding;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finds the new and changed blobs of one blob function and runs them: each scan lists the
 * container with the prefix of the path's literal part, keeps the blobs that match the pattern,
 * and starts up to {@code max-blobs-per-scan} versions that this replica has not seen finish,
 * each on a worker (as many as the function's concurrency limit allows) that claims the version's
 * receipt and runs it. Versions known to be finished cost no request on later scans, and neither do
 * versions older than the shared {@link BlobScanState watermark} after a restart; a truncated
 * scan is followed by the next as soon as a worker is free, an exhausted one after the polling
 * interval. Stopping drops versions that did not start, waits for running ones up to the shutdown
 * timeout, then interrupts them (they are retried).
 */
final class BlobPoller {

	private static final Log logger = LogFactory.getLog(BlobPoller.class);

	private final String function;

	private final BlobTriggerBinding trigger;

	private final BlobContainerClient container;

	private final BlobReceipts receipts;

	private final BlobScanState scanState;

	private final BlobTriggerHandler handler;

	private final ScheduledExecutorService renewals;

	private final Clock clock;

	private final int workers;

	/** Blob name to the ETag of its version known to be finished. */
	private final Map<String, String> finished = new ConcurrentHashMap<>();

	/** Versions waiting for their retry delay, by {@link BlobVersion#key()}. */
	private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final Object monitor = new Object();

	private final AtomicInteger started = new AtomicInteger();

	private final AtomicInteger scans = new AtomicInteger();

	private final AtomicInteger receiptChecks = new AtomicInteger();

	private volatile boolean running;

	private volatile Thread thread;

	private volatile ExecutorService executor;

	private volatile boolean containerCreated;

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
		this.scanState = receipts.scanState(function, trigger.path().container());
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
		return this.scanState.current();
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
		Scan scan = new Scan(this.trigger.options().maxBlobsPerScan() - this.inFlight.size(),
				this.scanState.watermark());
		try {
			collect(now, scan);
		}
		catch (BlobStorageException ex) {
			if (ex.getStatusCode() != 404 || this.containerCreated) {
				throw ex;
			}
			// a trigger container that does not exist yet is created, so uploads can begin
			this.container.createIfNotExists();
			this.containerCreated = true;
			return false;
		}
		if (!scan.truncated) {
			// forget deleted blobs
			this.finished.keySet().retainAll(scan.seen);
			this.notBefore.keySet().removeIf((key) -> !scan.seen.contains(key.substring(0, key.lastIndexOf('\n'))));
			advanceWatermark(scan);
		}
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

	private void collect(Instant now, Scan scan) {
		ListBlobsOptions options = new ListBlobsOptions().setPrefix(this.trigger.path().prefix());
		for (PagedResponse<BlobItem> page : this.container.listBlobs(options, null).iterableByPage()) {
			if (scan.listedAt == null) {
				scan.listedAt = serverTime(page);
			}
			for (BlobItem item : page.getValue()) {
				if (!Boolean.TRUE.equals(item.isPrefix()) && !Boolean.TRUE.equals(item.isDeleted())) {
					collect(now, scan, item);
					if (scan.truncated) {
						return;
					}
				}
			}
		}
	}

	private void collect(Instant now, Scan scan, BlobItem item) {
		Map<String, String> values = this.trigger.path().match(item.getName());
		if (values == null) {
			return;
		}
		scan.seen.add(item.getName());
		BlobItemProperties properties = item.getProperties();
		String etag = BlobVersion.unquote(properties.getETag());
		Instant lastModified = (properties.getLastModified() != null) ? properties.getLastModified().toInstant() : null;
		if (etag.equals(this.finished.get(item.getName()))) {
			return;
		}
		if (scan.watermark != null && lastModified != null && lastModified.isBefore(scan.watermark)) {
			// finished before the watermark: no receipt to read
			this.finished.put(item.getName(), etag);
			return;
		}
		scan.unfinished(lastModified);
		BlobVersion version = new BlobVersion(this.trigger.path().container(), item.getName(), values, etag,
				properties.getContentType(), (properties.getContentLength() != null) ? properties.getContentLength() : 0,
				lastModified);
		if (this.inFlight.contains(version.key())) {
			return;
		}
		Instant due = this.notBefore.get(version.key());
		if (due != null && due.isAfter(now)) {
			return;
		}
		if (scan.candidates.size() >= scan.room) {
			scan.truncated = true;
			return;
		}
		scan.candidates.add(version);
	}

	/**
	 * After a complete scan every version last modified before the oldest unfinished one is
	 * finished; so is every version before the listing began (one second less, since the service
	 * counts whole seconds), as later writes get later times.
	 */
	private void advanceWatermark(Scan scan) {
		if (scan.listedAt == null) {
			return;
		}
		Instant candidate = scan.listedAt.minusSeconds(1);
		if (scan.oldestUnfinished != null && scan.oldestUnfinished.isBefore(candidate)) {
			candidate = scan.oldestUnfinished;
		}
		this.scanState.advance(candidate);
	}

	private static Instant serverTime(PagedResponse<BlobItem> page) {
		String date = page.getHeaders().getValue(HttpHeaderName.DATE);
		try {
			return (date != null) ? DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, Instant::from) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** What one scan found. */
	private static final class Scan {

		final int room;

		final Instant watermark;

		final List<BlobVersion> candidates = new ArrayList<>();

		final Set<String> seen = new HashSet<>();

		boolean truncated;

		Instant listedAt;

		/** The last-modified time of the oldest matching version not known to be finished. */
		Instant oldestUnfinished;

		Scan(int room, Instant watermark) {
			this.room = room;
			this.watermark = watermark;
		}

		void unfinished(Instant lastModified) {
			Instant time = (lastModified != null) ? lastModified : Instant.EPOCH;
			if (this.oldestUnfinished == null || time.isBefore(this.oldestUnfinished)) {
				this.oldestUnfinished = time;
			}
		}

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
					this.finished.put(version.name(), version.etag());
				}
				else if (result.skip() == Claim.Skip.NOT_YET) {
					this.notBefore.put(version.key(), result.notBefore());
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
					this.finished.put(version.name(), version.etag());
				}
				this.notBefore.remove(version.key());
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
