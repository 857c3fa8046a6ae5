package dev.funcboot.trigger.blob;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.models.PeekedMessageItem;

/**
 * Azurite, as {@code scripts/services.sh start azurite} runs it: blobs on 127.0.0.1:10000 and
 * queues on 127.0.0.1:10001 with the well-known development account. Tests that need it fail,
 * loudly, when it is not running: they are never skipped.
 */
final class AzuriteBlobs {

	static final String CONNECTION_STRING = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
			+ "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
			+ "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

	private AzuriteBlobs() {
	}

	/** Fails with the fix when nothing listens on Azurite's blob or queue port. */
	static void assertRunning() {
		for (int port : new int[] { 10000, 10001 }) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			}
			catch (IOException ex) {
				throw new AssertionError("Azurite is not reachable on 127.0.0.1:" + port + " (" + ex.getMessage()
						+ "). Start it with: scripts/services.sh start azurite", ex);
			}
		}
	}

	static BlobServiceClient blobs() {
		return new BlobServiceClientBuilder().connectionString(CONNECTION_STRING).buildClient();
	}

	static QueueServiceClient queues() {
		return new QueueServiceClientBuilder().connectionString(CONNECTION_STRING).buildClient();
	}

	/** A container or queue name of this prefix that no other test (or earlier run) uses. */
	static String unique(String prefix) {
		return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
	}

	static BlobContainerClient container(String name) {
		BlobContainerClient container = blobs().getBlobContainerClient(name);
		container.createIfNotExists();
		return container;
	}

	/** Uploads (or overwrites) a blob; returns its ETag. */
	static String upload(String container, String name, String content) {
		return container(container).getBlobClient(name)
			.uploadWithResponse(new com.azure.storage.blob.options.BlobParallelUploadOptions(
					BinaryData.fromString(content)), null, com.azure.core.util.Context.NONE)
			.getValue()
			.getETag();
	}

	static String download(String container, String name) {
		return container(container).getBlobClient(name).downloadContent().toString();
	}

	/** Every Base64 message of a queue as text, without removing them (up to 32). */
	static List<String> peek(String queue) {
		QueueClient client = queues().getQueueClient(queue);
		client.createIfNotExists();
		List<String> texts = new ArrayList<>();
		for (PeekedMessageItem item : client.peekMessages(32, null, null)) {
			texts.add(new String(Base64.getDecoder().decode(item.getBody().toString()), StandardCharsets.UTF_8));
		}
		return texts;
	}

}
