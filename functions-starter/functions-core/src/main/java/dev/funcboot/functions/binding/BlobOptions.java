package dev.funcboot.functions.binding;

import java.time.Duration;
import java.util.Objects;

/**
 * How a blob trigger finds and retries blobs.
 *
 * @param pollingInterval how long to wait between scans of the container
 * @param poisonBlobThreshold how many times a blob version is tried before it goes to the poison
 * queue (Azure Functions' {@code poisonBlobThreshold}), unless the function declares a retry
 * policy, whose max attempts then count instead
 * @param maxBlobsPerScan how many new blob versions one scan starts; they run in parallel up to the
 * function's concurrency limit, and the next scan follows as soon as they finish
 * @param lease how long a replica's claim on a blob version lasts (a blob lease, 15 to 60 seconds);
 * renewed while the function runs, so it bounds how soon a crashed replica's blob is taken over
 */
public record BlobOptions(Duration pollingInterval, int poisonBlobThreshold, int maxBlobsPerScan, Duration lease) {

	public static final Duration DEFAULT_POLLING_INTERVAL = Duration.ofSeconds(5);

	public static final int DEFAULT_POISON_BLOB_THRESHOLD = 5;

	public static final int DEFAULT_MAX_BLOBS_PER_SCAN = 16;

	public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

	/** The shortest and longest finite blob lease the service grants. */
	public static final Duration MIN_LEASE = Duration.ofSeconds(15);

	public static final Duration MAX_LEASE = Duration.ofSeconds(60);

	public static final BlobOptions DEFAULTS = new BlobOptions(DEFAULT_POLLING_INTERVAL, DEFAULT_POISON_BLOB_THRESHOLD,
			DEFAULT_MAX_BLOBS_PER_SCAN, DEFAULT_LEASE);

	public BlobOptions {
		Objects.requireNonNull(pollingInterval, "pollingInterval");
		Objects.requireNonNull(lease, "lease");
		if (pollingInterval.isNegative() || pollingInterval.isZero()) {
			throw new IllegalArgumentException("polling-interval must be positive, was " + pollingInterval);
		}
		if (poisonBlobThreshold < 1) {
			throw new IllegalArgumentException("poison-blob-threshold must be at least 1, was " + poisonBlobThreshold);
		}
		if (maxBlobsPerScan < 1) {
			throw new IllegalArgumentException("max-blobs-per-scan must be at least 1, was " + maxBlobsPerScan);
		}
		if (lease.compareTo(MIN_LEASE) < 0 || lease.compareTo(MAX_LEASE) > 0) {
			throw new IllegalArgumentException("lease must be between 15 and 60 seconds (a blob lease), was " + lease);
		}
	}

}
