package dev.funcboot.trigger.cosmos;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.binding.CosmosDBTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.pipeline.InvocationOutcome;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.InvocationResult;
import dev.funcboot.functions.pipeline.RetryPolicy;
import dev.funcboot.functions.pipeline.Sleeper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs a function for each batch of changes the change feed processor hands over: a
 * {@code List<T>} function once per batch, a {@code T} function once per document. A failed call
 * is retried in place (the lease holds the partition, keeping its order) per the function's retry
 * policy, else {@code funcboot.cosmos.max-attempts} times {@code retry-delay} apart. Documents
 * that do not decode, a {@code PoisonMessageException} and exhausted retries are logged with the
 * reason and counted as dead-lettered, and the feed moves on: returning lets the processor
 * checkpoint the lease, which it does only after this handler returned.
 */
final class CosmosChangeHandler implements Consumer<List<JsonNode>> {

	private static final Log logger = LogFactory.getLog(CosmosChangeHandler.class);

	private final FunctionBinding binding;

	private final FunctionHandle handle;

	private final InvocationPipeline pipeline;

	private final ObjectMapper mapper;

	private final boolean batch;

	private final JavaType elementType;

	private final int maxAttempts;

	private final Duration retryDelay;

	private final Sleeper sleeper;

	final AtomicLong completed = new AtomicLong();

	final AtomicLong retried = new AtomicLong();

	final AtomicLong deadLettered = new AtomicLong();

	volatile String lastDeadLetterReason;

	CosmosChangeHandler(FunctionHandle handle, InvocationPipeline pipeline, ObjectMapper mapper, CosmosProperties defaults,
			Sleeper sleeper) {
		this.binding = handle.binding();
		this.handle = handle;
		this.pipeline = pipeline;
		this.mapper = mapper;
		Type input = handle.inputType();
		if (input == null) {
			throw new IllegalStateException("Cosmos DB function '" + this.binding.name()
					+ "' takes no input; declare it as a Consumer<List<T>> or Consumer<T> of the document type");
		}
		Class<?> raw = FunctionHandle.rawClass(input);
		this.batch = List.class.equals(raw) || Collection.class.equals(raw);
		Type element = (this.batch && input instanceof ParameterizedType parameterized)
				? parameterized.getActualTypeArguments()[0] : (this.batch ? JsonNode.class : input);
		this.elementType = mapper.constructType(element);
		RetryPolicy retry = this.binding.policy().retry();
		boolean declared = retry.strategy() != RetryPolicy.Strategy.NONE;
		this.maxAttempts = declared ? retry.maxAttempts() : Math.max(1, defaults.getMaxAttempts());
		this.retryDelay = defaults.getRetryDelay();
		this.sleeper = sleeper;
	}

	@Override
	public void accept(List<JsonNode> documents) {
		List<Object> inputs = new ArrayList<>();
		for (JsonNode document : documents) {
			try {
				inputs.add(decode(document));
			}
			catch (InputConversionException ex) {
				deadLetter(1, documentId(document), ex.getClass().getName() + ": " + ex.getMessage(), null);
			}
		}
		if (inputs.isEmpty()) {
			return;
		}
		if (this.batch) {
			run(inputs, inputs.size());
		}
		else {
			inputs.forEach((input) -> run(input, 1));
		}
	}

	private Object decode(JsonNode document) {
		try {
			return this.mapper.treeToValue(document, this.elementType);
		}
		catch (Exception ex) {
			throw new InputConversionException(null, "Document does not fit " + this.elementType.toCanonical() + ": "
					+ ex.getMessage(), ex);
		}
	}

	private void run(Object input, int documents) {
		CosmosDBTriggerBinding trigger = (CosmosDBTriggerBinding) this.binding.trigger();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("database", trigger.database());
		metadata.put("container", trigger.container());
		metadata.put("documents", documents);
		for (int attempt = 1;; attempt++) {
			InvocationContext context = new InvocationContext(InvocationIds.next(), this.binding.name(),
					CosmosDBTriggerBinding.TYPE, metadata, null, attempt);
			InvocationResult result = this.pipeline.invoke(context, this.binding.policy(),
					(ctx) -> this.handle.call(input));
			if (result.isSuccess()) {
				this.completed.addAndGet(documents);
				return;
			}
			if (result.outcome() == InvocationOutcome.POISON) {
				deadLetter(documents, context.invocationId(), result.reason(), result.error());
				return;
			}
			if (attempt >= this.maxAttempts) {
				InvocationResult exhausted = new InvocationResult(result.context(), InvocationOutcome.POISON, null,
						result.error(), attempt, true);
				deadLetter(documents, context.invocationId(), exhausted.reason(), result.error());
				return;
			}
			Duration delay = (this.binding.policy().retry().strategy() == RetryPolicy.Strategy.NONE) ? this.retryDelay
					: this.binding.policy().retry().delayBefore(attempt + 1);
			this.retried.addAndGet(documents);
			try {
				this.sleeper.sleep(delay);
			}
			catch (InterruptedException ex) {
				// stopping: leave the lease where it is, so the batch comes again
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted before retrying; the batch is not checkpointed", ex);
			}
		}
	}

	private void deadLetter(int documents, String where, String reason, Throwable error) {
		this.deadLettered.addAndGet(documents);
		this.lastDeadLetterReason = reason;
		logger.error("Cosmos DB function '" + this.binding.name() + "' gave up on " + documents + " document(s) ("
				+ where + "); the change feed moves on: " + reason, error);
	}

	private static String documentId(JsonNode document) {
		JsonNode id = document.get("id");
		return "document " + ((id != null) ? id.asText() : "without id");
	}

}
