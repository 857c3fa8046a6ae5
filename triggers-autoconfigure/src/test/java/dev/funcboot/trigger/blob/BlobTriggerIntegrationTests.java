package dev.funcboot.trigger.blob;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.ListBlobsOptions;
import dev.funcboot.trigger.messaging.AbstractTriggerIntegrationTests;
import org.junit.jupiter.api.BeforeAll;

/**
 * The message-trigger suite against Azurite's blob service: a "message" is a blob (its content the
 * body), the output is a blob output writing {@code <container>/{name}}, the dead-letter
 * destination is the poison queue (read back through the blob each message names), and "pending"
 * counts the blobs whose current version has no finished receipt. A fresh container per test;
 * receipts container and poison queue unique to the class. The blob-only cases are in
 * {@link BlobTriggerBehaviourIntegrationTests}.
 */
class BlobTriggerIntegrationTests extends AbstractTriggerIntegrationTests {

	static final String RECEIPTS = AzuriteBlobs.unique("receipts");

	static final String POISON = AzuriteBlobs.unique("blob-poison");

	private static final AtomicLong names = new AtomicLong();

	@BeforeAll
	static void azurite() {
		AzuriteBlobs.assertRunning();
	}

	@Override
	protected String triggerType() {
		return "blob";
	}

	@Override
	protected String uniqueDestination(String prefix) {
		return AzuriteBlobs.unique(prefix);
	}

	@Override
	protected Map<String, String> brokerProperties() {
		return properties(RECEIPTS, POISON);
	}

	static Map<String, String> properties(String receipts, String poison) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("funcboot.storage.connections.default.connection-string", AzuriteBlobs.CONNECTION_STRING);
		properties.put("funcboot.blob.polling-interval", "200ms");
		properties.put("funcboot.blob.receipts-container", receipts);
		properties.put("funcboot.blob.poison-queue", poison);
		properties.put("funcboot.blob.lease", "15s");
		return properties;
	}

	@Override
	protected Map<String, String> triggerProperties(String function, String destination) {
		return Map.of("funcboot.functions." + function + ".blob.path", destination + "/{name}");
	}

	@Override
	protected Map<String, String> batchProperties(String function, int batchSize) {
		return Map.of("funcboot.functions." + function + ".blob.max-blobs-per-scan", Integer.toString(batchSize),
				"funcboot.blob.shutdown-timeout", "1s");
	}

	@Override
	protected Map<String, String> outputProperties(String function, String destination) {
		return Map.of("funcboot.functions." + function + ".blob-output.path", destination + "/{name}");
	}

	@Override
	protected void send(String destination, String body) {
		AzuriteBlobs.upload(destination, "in-" + names.incrementAndGet() + ".json", body);
	}

	@Override
	protected List<String> receiveAll(String destination) {
		BlobContainerClient container = AzuriteBlobs.container(destination);
		List<String> bodies = new ArrayList<>();
		for (BlobItem item : container.listBlobs()) {
			bodies.add(container.getBlobClient(item.getName()).downloadContent().toString());
			container.getBlobClient(item.getName()).delete();
		}
		return bodies;
	}

	@Override
	protected List<DeadLetter> deadLetters(String destination) {
		return deadLetters(POISON, destination);
	}

	static List<DeadLetter> deadLetters(String poisonQueue, String container) {
		List<DeadLetter> letters = new ArrayList<>();
		for (String text : AzuriteBlobs.peek(poisonQueue)) {
			BlobPoisonMessage message = BlobPoisonMessage.fromJson(text);
			if (message.container().equals(container)) {
				letters.add(new DeadLetter(AzuriteBlobs.download(container, message.blobName()), message.reason(),
						message.function(), message.attempts()));
			}
		}
		return letters;
	}

	@Override
	protected long pending(String destination) {
		return pending(RECEIPTS, destination);
	}

	/** Blobs of the container whose current version has no done or poisoned receipt. */
	static long pending(String receipts, String container) {
		Set<String> finished = new HashSet<>();
		BlobContainerClient receiptsContainer = AzuriteBlobs.container(receipts);
		ListBlobsOptions options = new ListBlobsOptions().setPrefix("blobreceipts/")
			.setDetails(new BlobListDetails().setRetrieveMetadata(true));
		for (BlobItem receipt : receiptsContainer.listBlobs(options, null)) {
			Map<String, String> metadata = (receipt.getMetadata() != null) ? receipt.getMetadata() : new HashMap<>();
			String status = metadata.getOrDefault(BlobReceipts.STATUS, BlobReceipts.PENDING);
			if (!BlobReceipts.PENDING.equals(status)) {
				// blobreceipts/<function>/<etag>/<container>/<blob>
				String[] parts = receipt.getName().split("/", 5);
				finished.add(parts[2] + "/" + parts[3] + "/" + parts[4]);
			}
		}
		long pending = 0;
		for (BlobItem blob : AzuriteBlobs.container(container).listBlobs()) {
			String etag = BlobVersion.unquote(blob.getProperties().getETag());
			if (!finished.contains(etag + "/" + container + "/" + blob.getName())) {
				pending++;
			}
		}
		return pending;
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
