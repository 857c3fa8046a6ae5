package dev.funcboot.trigger.blob;

import java.time.Duration;

import dev.funcboot.functions.binding.BlobOptions;
import dev.funcboot.functions.binding.BlobTriggerBinding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Blob trigger settings shared by every blob function; each may override the per-function ones
 * under {@code funcboot.functions.<name>.blob.*}.
 */
@ConfigurationProperties("funcboot.blob")
public class BlobTriggerProperties {

	/** Whether blob functions run in this application; when false, bindings are still validated and listed. */
	private boolean enabled = true;

	/**
	 * Whether the blob pollers start with the application. When false, they start only when the
	 * BlobTriggerListeners lifecycle is started explicitly.
	 */
	private boolean autoStartup = true;

	/** How long to wait between scans of a container. */
	private Duration pollingInterval = BlobOptions.DEFAULT_POLLING_INTERVAL;

	/**
	 * How many times a blob version is tried before it goes to the poison queue, for functions
	 * without a retry policy (with one, its max-attempts counts). Azure Functions' poisonBlobThreshold.
	 */
	private int poisonBlobThreshold = BlobOptions.DEFAULT_POISON_BLOB_THRESHOLD;

	/**
	 * How many new blob versions one scan starts; they run in parallel up to the function's
	 * max-concurrency, and the next scan follows as soon as they finish.
	 */
	private int maxBlobsPerScan = BlobOptions.DEFAULT_MAX_BLOBS_PER_SCAN;

	/**
	 * How long a replica's claim on a blob version lasts (a blob lease, 15s to 60s); renewed
	 * while the function runs, so it bounds how soon a crashed replica's blob is taken over.
	 */
	private Duration lease = BlobOptions.DEFAULT_LEASE;

	/**
	 * Container of the receipts (one blob per function, blob and ETag) that record which blob
	 * versions were processed; shared by all replicas, so keep it the same for every replica of
	 * an application. Created when missing.
	 */
	private String receiptsContainer = "funcboot-hosts";

	/** Queue that receives a message for every blob that cannot be processed. Created when missing. */
	private String poisonQueue = BlobTriggerBinding.DEFAULT_POISON_QUEUE;

	/** Whether to create output containers that do not exist. */
	private boolean createContainers = true;

	/** How long stopping the application waits for running blob functions before interrupting them. */
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	public BlobOptions toOptions() {
		return new BlobOptions(this.pollingInterval, this.poisonBlobThreshold, this.maxBlobsPerScan, this.lease);
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public Duration getPollingInterval() {
		return this.pollingInterval;
	}

	public void setPollingInterval(Duration pollingInterval) {
		this.pollingInterval = pollingInterval;
	}

	public int getPoisonBlobThreshold() {
		return this.poisonBlobThreshold;
	}

	public void setPoisonBlobThreshold(int poisonBlobThreshold) {
		this.poisonBlobThreshold = poisonBlobThreshold;
	}

	public int getMaxBlobsPerScan() {
		return this.maxBlobsPerScan;
	}

	public void setMaxBlobsPerScan(int maxBlobsPerScan) {
		this.maxBlobsPerScan = maxBlobsPerScan;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public String getReceiptsContainer() {
		return this.receiptsContainer;
	}

	public void setReceiptsContainer(String receiptsContainer) {
		this.receiptsContainer = receiptsContainer;
	}

	public String getPoisonQueue() {
		return this.poisonQueue;
	}

	public void setPoisonQueue(String poisonQueue) {
		this.poisonQueue = poisonQueue;
	}

	public boolean isCreateContainers() {
		return this.createContainers;
	}

	public void setCreateContainers(boolean createContainers) {
		this.createContainers = createContainers;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

}
