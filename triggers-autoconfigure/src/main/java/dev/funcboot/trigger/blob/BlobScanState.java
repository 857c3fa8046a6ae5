package dev.funcboot.trigger.blob;

import java.time.Instant;
import java.util.Map;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What the scans of one function and container have established, kept next to the receipts
 * ({@code scans/<function>/<container>}) so restarts and replicas share it: a watermark before which
 * every blob version was finished (done, poisoned or gone). Blobs last modified before it need no
 * receipt lookup, so a restart, or a new replica, re-reads only the container listing, not one
 * receipt per blob. The watermark only moves forward; any replica may move it, since every value
 * written was true when written and stays true (a new version always gets a later last-modified
 * time). Thread-safe.
 */
final class BlobScanState {

	static final String WATERMARK = "watermark";

	private static final Log logger = LogFactory.getLog(BlobScanState.class);

	private final BlobClient blob;

	private final Runnable ensureContainer;

	private volatile Instant watermark;

	private volatile boolean loaded;

	BlobScanState(BlobClient blob, Runnable ensureContainer) {
		this.blob = blob;
		this.ensureContainer = ensureContainer;
	}

	static String blobName(String function, String container) {
		return "scans/" + function + "/" + container;
	}

	/** The watermark, read once (a failed read is retried on the next call); {@code null} when none. */
	Instant watermark() {
		if (!this.loaded) {
			try {
				String value = this.blob.getProperties().getMetadata().get(WATERMARK);
				this.watermark = (value != null) ? Instant.ofEpochMilli(Long.parseLong(value)) : null;
			}
			catch (BlobStorageException ex) {
				if (ex.getStatusCode() != 404) {
					throw ex;
				}
			}
			this.loaded = true;
		}
		return this.watermark;
	}

	/** The watermark as last read or written, without a request; {@code null} when none. */
	Instant current() {
		return this.watermark;
	}

	/** Moves the watermark forward to this time, when it is later; a failed write only costs lookups. */
	void advance(Instant candidate) {
		Instant current = this.watermark;
		if (current != null && !candidate.isAfter(current)) {
			return;
		}
		try {
			write(candidate);
			this.watermark = candidate;
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record the scan watermark in " + this.blob.getBlobName(), ex);
		}
	}

	private void write(Instant candidate) {
		BlobParallelUploadOptions options = new BlobParallelUploadOptions(BinaryData.fromBytes(new byte[0]))
			.setMetadata(Map.of(WATERMARK, Long.toString(candidate.toEpochMilli())));
		try {
			this.blob.uploadWithResponse(options, null, Context.NONE);
		}
		catch (BlobStorageException ex) {
			if (ex.getStatusCode() != 404) {
				throw ex;
			}
			this.ensureContainer.run();
			this.blob.uploadWithResponse(options, null, Context.NONE);
		}
	}

}
