package dev.funcboot.trigger.blob;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * This replica's lease on the receipt of one blob version: it runs the attempt and records how it
 * ended. Every write is made under the lease, so a replica that lost its lease (it stopped renewing
 * for longer than the lease) cannot overwrite the outcome of the replica that took over.
 */
final class Claim {

	private static final Log logger = LogFactory.getLog(Claim.class);

	private final BlobClient receipt;

	private final BlobLeaseClient lease;

	private final Clock clock;

	/** Attempts recorded before this claim. */
	volatile int attempts;

	Claim(BlobClient receipt, BlobLeaseClient lease, Clock clock) {
		this.receipt = receipt;
		this.lease = lease;
		this.clock = clock;
	}

	/** Attempts that started before this claim (and did not finish, or failed). */
	int attempts() {
		return this.attempts;
	}

	/** Records that one more attempt starts; returns its number. */
	int startAttempt() {
		int attempt = this.attempts + 1;
		write(BlobReceipts.PENDING, attempt, null);
		this.attempts = attempt;
		return attempt;
	}

	void renew() {
		this.lease.renewLease();
	}

	/** The version ran successfully (or is gone): never again. */
	void finish(String status) {
		write(status, this.attempts, null);
		release();
	}

	/** The attempt failed: another one at or after this time. */
	void retryAt(Instant notBefore) {
		write(BlobReceipts.PENDING, this.attempts, notBefore);
		release();
	}

	/** Gives the version back without recording anything (it did not run). */
	void release() {
		try {
			this.lease.releaseLease();
		}
		catch (RuntimeException ex) {
			// it expires by itself
			logger.debug("Could not release the lease on receipt " + this.receipt.getBlobName(), ex);
		}
	}

	private void write(String status, int attempts, Instant notBefore) {
		Map<String, String> metadata = new HashMap<>();
		metadata.put(BlobReceipts.STATUS, status);
		metadata.put(BlobReceipts.ATTEMPTS, Integer.toString(attempts));
		if (notBefore != null && notBefore.isAfter(this.clock.instant())) {
			metadata.put(BlobReceipts.NOT_BEFORE, Long.toString(notBefore.toEpochMilli()));
		}
		this.receipt.setMetadataWithResponse(metadata, new BlobRequestConditions().setLeaseId(this.lease.getLeaseId()),
				null, Context.NONE);
	}

	/**
	 * What a claim attempt gave: a claim, or why there is none.
	 * @param claim the claim, or {@code null}
	 * @param skip why there is no claim, or {@code null}
	 * @param notBefore with {@link Skip#NOT_YET}: when the next attempt is due
	 */
	record Result(Claim claim, Skip skip, Instant notBefore) {

		static final Result FINISHED = new Result(null, Skip.FINISHED, null);

		static final Result CLAIMED_ELSEWHERE = new Result(null, Skip.CLAIMED_ELSEWHERE, null);

	}

	enum Skip {

		/** Done, poisoned or gone: never again. */
		FINISHED,

		/** Another replica holds it now. */
		CLAIMED_ELSEWHERE,

		/** It failed and waits for its retry delay. */
		NOT_YET

	}

}
