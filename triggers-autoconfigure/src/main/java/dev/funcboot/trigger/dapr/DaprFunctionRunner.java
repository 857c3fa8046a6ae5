package dev.funcboot.trigger.dapr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.binding.DaprPublishBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.pipeline.InvocationOutcome;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.InvocationResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs one Dapr event through the pipeline (with the function's retry policy) and publishes the
 * result to the function's {@code @DaprPublish} outputs, and says how the event ended: done,
 * to be retried, or poison. Shared by the topic and the input binding handlers.
 */
final class DaprFunctionRunner {

	private static final Log logger = LogFactory.getLog(DaprFunctionRunner.class);

	/** How an event ended. */
	enum Ending {

		/** The function returned and its outputs were published. */
		DONE,

		/** A later delivery may succeed. */
		RETRY,

		/** The event can never succeed: bad data, a PoisonMessageException, or retries exhausted. */
		POISON

	}

	/**
	 * @param ending how it ended
	 * @param reason why it did not succeed, or {@code null}
	 * @param invocationId the invocation's id, for logs
	 */
	record Settlement(Ending ending, String reason, String invocationId) {
	}

	private final FunctionHandle handle;

	private final InvocationPipeline pipeline;

	private final DaprInputDecoder decoder;

	private final DaprOutputPublisher publisher;

	private final List<DaprPublishBinding> outputs;

	DaprFunctionRunner(FunctionHandle handle, InvocationPipeline pipeline, DaprInputDecoder decoder,
			DaprOutputPublisher publisher) {
		this.handle = handle;
		this.pipeline = pipeline;
		this.decoder = decoder;
		this.outputs = handle.binding().outputsOfType(DaprPublishBinding.class);
		if (!this.outputs.isEmpty() && publisher == null) {
			throw new IllegalStateException("Function '" + handle.binding().name() + "' declares @DaprPublish outputs, "
					+ "but there is no DaprClient bean; add io.dapr.spring:dapr-spring-boot-starter");
		}
		this.publisher = publisher;
	}

	FunctionBinding binding() {
		return this.handle.binding();
	}

	/**
	 * @param event parses the event; an {@code InputConversionException} makes it poison
	 * @param metadata what the trigger knows (pub/sub, topic, headers, trace context)
	 */
	Settlement run(Supplier<DaprEvent> event, Map<String, Object> metadata) {
		String invocationId = InvocationIds.next();
		FunctionBinding binding = this.handle.binding();
		Map<String, Object> triggerMetadata = new LinkedHashMap<>(metadata);
		DaprEvent parsed = null;
		RuntimeException parseError = null;
		try {
			parsed = event.get();
			triggerMetadata.putAll(parsed.metadata());
			// the sidecar's delivery span (header) is the closest parent; else the publisher's (CloudEvent)
			triggerMetadata.putIfAbsent(DaprOutputPublisher.TRACEPARENT, parsed.attribute("traceparent"));
			triggerMetadata.putIfAbsent(DaprOutputPublisher.TRACESTATE, parsed.attribute("tracestate"));
		}
		catch (RuntimeException ex) {
			parseError = ex;
		}
		triggerMetadata.values().removeIf((value) -> value == null);
		InvocationContext context = InvocationContext.of(invocationId, binding.name(), binding.trigger().type(),
				Map.copyOf(triggerMetadata));
		DaprEvent input = parsed;
		RuntimeException error = parseError;
		InvocationResult result = this.pipeline.invokeWithRetries(context, binding.policy(), (ctx) -> {
			if (error != null) {
				throw error;
			}
			return this.handle.call(this.decoder.decode(input));
		});
		if (result.outcome() == InvocationOutcome.POISON) {
			logger.warn("Dapr function '" + binding.name() + "' (invocation " + invocationId + ") rejected the event "
					+ "as poison: " + result.reason());
			return new Settlement(Ending.POISON, result.reason(), invocationId);
		}
		if (!result.isSuccess()) {
			logger.info("Dapr function '" + binding.name() + "' (invocation " + invocationId + ") ended "
					+ result.outcome().tag() + "; the event is retried: " + result.reason());
			return new Settlement(Ending.RETRY, result.reason(), invocationId);
		}
		try {
			if (!this.outputs.isEmpty() && !this.handle.isConsumer()) {
				this.publisher.publish(this.outputs, result.value(), result.context());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Dapr function '" + binding.name() + "' (invocation " + invocationId + ") succeeded, but its "
					+ "output was not published; the event is retried: " + ex.getMessage(), ex);
			return new Settlement(Ending.RETRY, "output not published: " + ex.getMessage(), invocationId);
		}
		return new Settlement(Ending.DONE, null, invocationId);
	}

}
