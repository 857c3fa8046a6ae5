package dev.funcboot.trigger.blob;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.util.Context;
import com.azure.storage.queue.QueueClient;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;
import dev.funcboot.trigger.storagequeue.binder.MessageCodec;
import dev.funcboot.trigger.storagequeue.binder.QueueClientProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Sends a {@link BlobPoisonMessage} for each blob version given up on to the poison queue
 * ({@code webjobs-blobtrigger-poison} by default) of the trigger's storage account, written with
 * the queue trigger's message encoding (so a queue function with the same settings reads it), never
 * expiring; created when missing. A send that fails throws, so the version is not marked poisoned
 * and is given up again (and sent again) on a later scan.
 */
final class BlobPoisonQueue {

	/** Keeps a message well under the service's 64 KiB, whatever the exception says. */
	private static final int MAX_REASON_CHARS = 8 * 1024;

	/** Time to live that means "never expires". */
	private static final Duration NEVER = Duration.ofSeconds(-1);

	private static final Log logger = LogFactory.getLog(BlobPoisonQueue.class);

	private final QueueClientProvider queues;

	private final String connection;

	private final String queueName;

	private final MessageEncoding encoding;

	private final Clock clock;

	private final Set<String> created = ConcurrentHashMap.newKeySet();

	BlobPoisonQueue(QueueClientProvider queues, String connection, String queueName, MessageEncoding encoding,
			Clock clock) {
		this.queues = queues;
		this.connection = connection;
		this.queueName = queueName;
		this.encoding = encoding;
		this.clock = clock;
	}

	String queueName() {
		return this.queueName;
	}

	void send(String function, BlobVersion version, int attempts, String reason) {
		String shortReason = (reason.length() > MAX_REASON_CHARS) ? reason.substring(0, MAX_REASON_CHARS) + "..."
				: reason;
		BlobPoisonMessage message = new BlobPoisonMessage(BlobPoisonMessage.TYPE, shortReason, function,
				version.container(), version.name(), version.quotedEtag(), attempts, this.clock.instant());
		QueueClient queue = this.queues.queue(this.connection, this.queueName);
		if (this.created.add(this.queueName)) {
			queue.createIfNotExists();
		}
		queue.sendMessageWithResponse(MessageCodec.encode(this.encoding, message.toJson().getBytes(StandardCharsets.UTF_8)),
				null, NEVER, null, Context.NONE);
		logger.error("Blob function '" + function + "' sent '" + version.container() + "/" + version.name()
				+ "' (ETag " + version.etag() + ") to the poison queue '" + this.queueName + "': " + shortReason);
	}

}
