package dev.funcboot.trigger.blob;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.binding.BlobTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.pipeline.InvocationOutcome;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.InvocationResult;
import dev.funcboot.trigger.storagequeue.binder.SettlementCounts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs one attempt of a blob function for a claimed blob version and records the outcome on its
 * receipt: reads the content at that ETag (a version that changed or vanished meanwhile is not
 * run: its successor is), runs the function through the invocation pipeline (trigger {@code blob},
 * attempt = the receipt's attempt count, decoding inside the attempt so undecodable content is a
 * poison outcome), sends the outputs, then marks the receipt done. A retryable failure records a
 * retry time; a poison outcome or the last failed attempt sends a message to the poison queue and
 * marks the receipt poisoned. Never throws.
 */
final class BlobTriggerHandler {

	private static final Log logger = LogFactory.getLog(BlobTriggerHandler.class);

	private final FunctionBinding binding;

	private final FunctionHandle handle;

	private final InvocationPipeline pipeline;

	private final BlobInputDecoder decoder;

	private final BlobFunctionOutputs outputs;

	private final BlobPoisonQueue poison;

	private final BlobRetries retries;

	private final SettlementCounts counts;

	private final Clock clock;

	BlobTriggerHandler(FunctionHandle handle, InvocationPipeline pipeline, BlobInputDecoder decoder,
			BlobFunctionOutputs outputs, BlobPoisonQueue poison, BlobRetries retries, SettlementCounts counts,
			Clock clock) {
		this.binding = handle.binding();
		this.handle = handle;
		this.pipeline = pipeline;
		this.decoder = decoder;
		this.outputs = outputs;
		this.poison = poison;
		this.retries = retries;
		this.counts = counts;
		this.clock = clock;
	}

	/** @return whether the version is finished (done, poisoned or gone), so the poller can forget it */
	boolean process(BlobContainerClient container, BlobVersion version, Claim claim) {
		try {
			if (claim.attempts() >= this.retries.maxAttempts()) {
				// every attempt started and none finished: the replicas running it crashed or lost the lease
				return poison(version, claim, "retries exhausted after " + claim.attempts()
						+ " attempts that never finished (the replica stopped or lost its claim each time)");
			}
			BlobClient blob = container.getBlobClient(version.name());
			Object content;
			try {
				content = open(blob, version);
			}
			catch (BlobStorageException ex) {
				if (ex.getStatusCode() == 404 || ex.getStatusCode() == 412) {
					logger.debug("Blob '" + version.container() + "/" + version.name() + "' changed or vanished "
							+ "before it ran; its ETag " + version.etag() + " is skipped");
					claim.finish(BlobReceipts.GONE);
					return true;
				}
				throw ex;
			}
			int attempt;
			try {
				attempt = claim.startAttempt();
			}
			catch (RuntimeException ex) {
				closeIfStream(content);
				throw ex;
			}
			InvocationContext context = new InvocationContext(InvocationIds.next(), this.binding.name(),
					BlobTriggerBinding.TYPE, triggerMetadata(version), null, attempt);
			InvocationResult result;
			try {
				result = this.pipeline.invoke(context, this.binding.policy(),
						(ctx) -> callAndSend(this.decoder.decode(content, version), version));
			}
			finally {
				closeIfStream(content);
			}
			return settle(version, claim, result);
		}
		catch (RuntimeException ex) {
			// the receipt could not be read or written: the claim lapses and the version comes back
			logger.warn("Blob function '" + this.binding.name() + "' could not process '" + version.container() + "/"
					+ version.name() + "' (ETag " + version.etag() + "); it is tried again on a later scan: " + ex);
			this.counts.settlementFailed();
			claim.release();
			return false;
		}
	}

	private Object open(BlobClient blob, BlobVersion version) {
		BlobRequestConditions sameVersion = new BlobRequestConditions().setIfMatch(version.quotedEtag());
		if (this.decoder.streams()) {
			return blob.openInputStream(new BlobInputStreamOptions().setRequestConditions(sameVersion));
		}
		return blob.downloadContentWithResponse(null, sameVersion, null, Context.NONE).getValue().toBytes();
	}

	/**
	 * Calls the function and sends its outputs inside the invocation, as Azure Functions flushes
	 * output bindings: their writing is part of its time and its span (their trace), and one that
	 * fails fails the invocation, which is retried.
	 */
	private Object callAndSend(Object input, BlobVersion version) {
		Object value = this.handle.call(input);
		this.outputs.send(value, version.pathValues());
		return value;
	}

	private boolean settle(BlobVersion version, Claim claim, InvocationResult result) {
		int attempt = claim.attempts();
		if (result.isSuccess()) {
			claim.finish(BlobReceipts.DONE);
			this.counts.completed();
			return true;
		}
		if (result.outcome() == InvocationOutcome.POISON) {
			return poison(version, claim, result.reason());
		}
		if (this.retries.allowsAttemptAfter(attempt)) {
			Duration delay = this.retries.delayAfter(attempt);
			logger.warn("Blob function '" + this.binding.name() + "' attempt " + attempt + " of "
					+ this.retries.maxAttempts() + " ended " + result.outcome().tag() + where(version, result)
					+ "; retrying in " + delay + ": " + result.reason(), result.error());
			claim.retryAt(this.clock.instant().plus(delay));
			this.counts.retried();
			return false;
		}
		InvocationResult exhausted = new InvocationResult(result.context(), InvocationOutcome.POISON, null,
				result.error(), attempt, true);
		logger.error("Blob function '" + this.binding.name() + "' gave up" + where(version, result) + ": "
				+ exhausted.reason(), result.error());
		return poison(version, claim, exhausted.reason());
	}

	private boolean poison(BlobVersion version, Claim claim, String reason) {
		this.poison.send(this.binding.name(), version, claim.attempts(), reason);
		claim.finish(BlobReceipts.POISONED);
		this.counts.deadLettered(reason);
		return true;
	}

	private static String where(BlobVersion version, InvocationResult result) {
		return " (invocation " + result.context().invocationId() + ", blob " + version.container() + "/"
				+ version.name() + ", ETag " + version.etag() + ")";
	}

	static Map<String, Object> triggerMetadata(BlobVersion version) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("blobTrigger", version.container() + "/" + version.name());
		map.put("container", version.container());
		map.put("blobName", version.name());
		map.put("pathValues", version.pathValues());
		map.put("etag", version.quotedEtag());
		map.put("contentType", version.contentType());
		map.put("length", version.length());
		map.put("lastModified", version.lastModified());
		return map;
	}

	private static void closeIfStream(Object content) {
		if (!(content instanceof InputStream stream)) {
			return;
		}
		try {
			stream.close();
		}
		catch (Exception ex) {
			logger.debug("Could not close a blob stream", ex);
		}
	}

}
