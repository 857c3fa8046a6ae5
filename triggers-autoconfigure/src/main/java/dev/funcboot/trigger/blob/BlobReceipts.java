package dev.funcboot.trigger.blob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.LeaseStateType;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;

/**
 * The receipts that make a blob trigger run once per blob version across restarts and replicas:
 * one empty blob per function, ETag and blob, {@code blobreceipts/<function>/<etag>/<container>/<blob>},
 * in the receipts container of the trigger's storage account, with the state in its metadata
 * ({@code status} pending, done or poisoned; {@code attempts}; {@code notbefore} for a retry delay).
 *
 * <p>A replica claims a version by creating the receipt if it is missing (conditional create, so
 * only one creation wins) and then taking a blob lease on it; only the lease holder runs the
 * function and writes the outcome. A lease expires when its holder stops renewing it, so a crashed
 * replica's version is taken over after at most the lease duration. Thread-safe.
 */
final class BlobReceipts {

	static final String STATUS = "status";

	static final String ATTEMPTS = "attempts";

	static final String NOT_BEFORE = "notbefore";

	static final String PENDING = "pending";

	static final String DONE = "done";

	static final String POISONED = "poisoned";

	/** The version disappeared before it ran (deleted or overwritten): nothing left to run. */
	static final String GONE = "gone";

	private final BlobContainerClient container;

	private final Clock clock;

	private volatile boolean created;

	BlobReceipts(BlobContainerClient container, Clock clock) {
		this.container = container;
		this.clock = clock;
	}

	String containerName() {
		return this.container.getBlobContainerName();
	}

	static String receiptName(String function, BlobVersion version) {
		return "blobreceipts/" + function + "/" + version.etag() + "/" + version.container() + "/" + version.name();
	}

	/** Claims a version for one attempt, or says why not. */
	Claim.Result claim(String function, BlobVersion version, Duration lease) {
		BlobClient receipt = this.container.getBlobClient(receiptName(function, version));
		BlobProperties properties = readOrCreate(receipt);
		Claim.Result skip = skip(properties);
		if (skip != null) {
			return skip;
		}
		if (properties.getLeaseState() == LeaseStateType.LEASED) {
			return Claim.Result.CLAIMED_ELSEWHERE;
		}
		BlobLeaseClient leaseClient = new BlobLeaseClientBuilder().blobClient(receipt).buildClient();
		try {
			leaseClient.acquireLease((int) lease.toSeconds());
		}
		catch (BlobStorageException ex) {
			if (ex.getStatusCode() == 409) {
				return Claim.Result.CLAIMED_ELSEWHERE;
			}
			throw ex;
		}
		Claim claim = new Claim(receipt, leaseClient, this.clock);
		try {
			// re-read under our lease: another replica may have finished it since the first read
			properties = receipt.getProperties();
			skip = skip(properties);
			if (skip != null) {
				claim.release();
				return skip;
			}
			claim.attempts = attempts(properties.getMetadata());
			return new Claim.Result(claim, null, null);
		}
		catch (RuntimeException ex) {
			claim.release();
			throw ex;
		}
	}

	private Claim.Result skip(BlobProperties properties) {
		String status = properties.getMetadata().getOrDefault(STATUS, PENDING);
		if (!PENDING.equals(status)) {
			return Claim.Result.FINISHED;
		}
		String notBefore = properties.getMetadata().get(NOT_BEFORE);
		if (notBefore != null) {
			Instant at = Instant.ofEpochMilli(Long.parseLong(notBefore));
			if (at.isAfter(this.clock.instant())) {
				return new Claim.Result(null, Claim.Skip.NOT_YET, at);
			}
		}
		return null;
	}

	private BlobProperties readOrCreate(BlobClient receipt) {
		try {
			return receipt.getProperties();
		}
		catch (BlobStorageException ex) {
			if (ex.getStatusCode() != 404) {
				throw ex;
			}
		}
		ensureContainer();
		Map<String, String> metadata = new HashMap<>();
		metadata.put(STATUS, PENDING);
		metadata.put(ATTEMPTS, "0");
		try {
			receipt.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(new byte[0]))
				.setMetadata(metadata)
				.setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), null, Context.NONE);
		}
		catch (BlobStorageException ex) {
			// another replica created it first: fine, read what it wrote
			if (ex.getStatusCode() != 409 && ex.getStatusCode() != 412) {
				throw ex;
			}
		}
		return receipt.getProperties();
	}

	/** Where the scans of a function and container keep their watermark. */
	BlobScanState scanState(String function, String container) {
		return new BlobScanState(this.container.getBlobClient(BlobScanState.blobName(function, container)),
				this::ensureContainer);
	}

	void ensureContainer() {
		if (!this.created) {
			this.container.createIfNotExists();
			this.created = true;
		}
	}

	static int attempts(Map<String, String> metadata) {
		try {
			return Integer.parseInt(metadata.getOrDefault(ATTEMPTS, "0"));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
