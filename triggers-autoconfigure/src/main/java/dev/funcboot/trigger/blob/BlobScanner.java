package dev.funcboot.trigger.blob;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import dev.funcboot.functions.binding.BlobTriggerBinding;

/**
 * The listing side of a blob function: lists the container with the prefix of the path's literal
 * part, keeps the blobs that match the pattern, and picks the versions to start, skipping those
 * known to be finished (seen finishing here, or older than the shared {@link BlobScanState
 * watermark}, so neither costs a receipt request), running, or waiting for their retry delay.
 * After a complete scan it forgets deleted blobs and moves the watermark. Thread-safe: one thread
 * scans while workers record what finished.
 */
final class BlobScanner {

	private final BlobTriggerBinding trigger;

	private final BlobContainerClient container;

	private final BlobScanState scanState;

	/** Blob name to the ETag of its version known to be finished. */
	private final Map<String, String> finished = new ConcurrentHashMap<>();

	/** Versions waiting for their retry delay, by {@link BlobVersion#key()}. */
	private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

	private volatile boolean containerCreated;

	BlobScanner(BlobTriggerBinding trigger, BlobContainerClient container, BlobScanState scanState) {
		this.trigger = trigger;
		this.container = container;
		this.scanState = scanState;
	}

	/** The version will never run again. */
	void finished(BlobVersion version) {
		this.finished.put(version.name(), version.etag());
	}

	/** The version waits for its retry delay until then ({@code null}: it may run on the next scan). */
	void notBefore(BlobVersion version, Instant due) {
		if (due != null) {
			this.notBefore.put(version.key(), due);
		}
		else {
			this.notBefore.remove(version.key());
		}
	}

	/** The watermark as last read or written, without a request. */
	Instant watermark() {
		return this.scanState.current();
	}

	/**
	 * One scan.
	 * @param room how many versions may start
	 * @param inFlight the keys of the versions running now
	 */
	Scan scan(Instant now, int room, Set<String> inFlight) {
		Scan scan = new Scan(room, this.scanState.watermark(), inFlight);
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
			return new Scan(0, null, inFlight);
		}
		if (!scan.truncated) {
			// forget deleted blobs
			this.finished.keySet().retainAll(scan.seen);
			this.notBefore.keySet().removeIf((key) -> !scan.seen.contains(key.substring(0, key.lastIndexOf('\n'))));
			advanceWatermark(scan);
		}
		return scan;
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
		if (scan.inFlight.contains(version.key())) {
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

	/** What one scan found: the versions to start, and whether more are left for the next scan. */
	static final class Scan {

		final int room;

		final Instant watermark;

		final Set<String> inFlight;

		final List<BlobVersion> candidates = new ArrayList<>();

		final Set<String> seen = new HashSet<>();

		boolean truncated;

		Instant listedAt;

		/** The last-modified time of the oldest matching version not known to be finished. */
		Instant oldestUnfinished;

		Scan(int room, Instant watermark, Set<String> inFlight) {
			this.room = room;
			this.watermark = watermark;
			this.inFlight = inFlight;
		}

		void unfinished(Instant lastModified) {
			Instant time = (lastModified != null) ? lastModified : Instant.EPOCH;
			if (this.oldestUnfinished == null || time.isBefore(this.oldestUnfinished)) {
				this.oldestUnfinished = time;
			}
		}

	}

}
