package dev.funcboot.trigger.storagequeue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;

/**
 * Azurite, as {@code scripts/services.sh start azurite} runs it: the queue service on
 * 127.0.0.1:10001 with the well-known development account. Tests that need it fail, loudly, when
 * it is not running: they are never skipped.
 */
final class AzuriteQueues {

	static final String CONNECTION_STRING = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
			+ "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
			+ "QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

	private AzuriteQueues() {
	}

	/** Fails with the fix when nothing listens on Azurite's queue port. */
	static void assertRunning() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 10001), 2000);
		}
		catch (IOException ex) {
			throw new AssertionError("Azurite's queue service is not reachable on 127.0.0.1:10001 (" + ex.getMessage()
					+ "). Start it with: scripts/services.sh start azurite", ex);
		}
	}

	static QueueServiceClient client() {
		return new QueueServiceClientBuilder().connectionString(CONNECTION_STRING).buildClient();
	}

	/**
	 * The client of a queue that the code under test creates when it first writes to it (outputs,
	 * poison queues); created here when missing, since reading a missing queue fails (and the SDK
	 * logs that as an error).
	 */
	static QueueClient existing(QueueServiceClient client, String queue) {
		QueueClient queueClient = client.getQueueClient(queue);
		queueClient.createIfNotExists();
		return queueClient;
	}

	/** A queue name of this prefix that no other test (or earlier run) uses. */
	static String uniqueQueue(String prefix) {
		return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
	}

}
