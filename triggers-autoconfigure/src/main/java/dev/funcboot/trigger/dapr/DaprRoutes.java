package dev.funcboot.trigger.dapr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.functions.binding.DaprBindingTriggerBinding;
import dev.funcboot.functions.binding.DaprTopicTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.HttpRequestHandler;

/**
 * The sidecar-facing route of each enabled Dapr function, with its handler; a function that
 * cannot take events, or two functions on one route, fail the start-up.
 */
final class DaprRoutes {

	private static final Log logger = LogFactory.getLog(DaprRoutes.class);

	private final FunctionHandles handles;

	private final InvocationPipeline pipeline;

	private final DaprDeliveryCounts counts;

	private final DaprOutputPublisher publisher;

	private final ObjectMapper mapper;

	private final long maxBytes;

	private final DaprBulkExecutor bulkExecutor;

	private final int bulkParallelism;

	private final Map<String, HttpRequestHandler> handlers = new LinkedHashMap<>();

	DaprRoutes(FunctionHandles handles, InvocationPipeline pipeline, DaprDeliveryCounts counts,
			DaprOutputPublisher publisher, ObjectMapper mapper, long maxBytes, DaprBulkExecutor bulkExecutor,
			int bulkParallelism) {
		this.handles = handles;
		this.pipeline = pipeline;
		this.counts = counts;
		this.publisher = publisher;
		this.mapper = mapper;
		this.maxBytes = maxBytes;
		this.bulkExecutor = bulkExecutor;
		this.bulkParallelism = bulkParallelism;
	}

	/** Adds the Dapr functions among the bindings; returns the enabled ones. */
	List<FunctionBinding> addAll(Collection<FunctionBinding> bindings) {
		List<FunctionBinding> enabled = new ArrayList<>();
		for (FunctionBinding binding : bindings) {
			boolean topic = binding.trigger() instanceof DaprTopicTriggerBinding;
			if (!topic && !(binding.trigger() instanceof DaprBindingTriggerBinding)) {
				continue;
			}
			if (!binding.enabled()) {
				logger.info("Dapr function '" + binding.name() + "' is disabled");
				continue;
			}
			enabled.add(binding);
			add(binding, topic);
		}
		return enabled;
	}

	private void add(FunctionBinding binding, boolean topic) {
		FunctionHandle handle = this.handles.get(binding.name());
		DaprInputDecoder decoder = new DaprInputDecoder(binding.name(),
				handle.isSupplier() ? null : handle.inputType(), topic, this.mapper);
		DaprFunctionRunner runner = new DaprFunctionRunner(handle, this.pipeline, decoder, this.publisher);
		String route = topic ? ((DaprTopicTriggerBinding) binding.trigger()).route()
				: ((DaprBindingTriggerBinding) binding.trigger()).route();
		HttpRequestHandler handler = topic
				? new DaprTopicHandler(runner, this.counts, this.mapper, this.maxBytes, this.bulkExecutor,
						this.bulkParallelism)
				: new DaprBindingHandler(runner, this.counts, this.mapper, this.maxBytes);
		if (this.handlers.putIfAbsent(route, handler) != null) {
			throw new IllegalStateException("Two Dapr functions use the route '" + route + "'; give function '"
					+ binding.name() + "' another route (@DaprTopicTrigger(route = ...) or funcboot.functions."
					+ binding.name() + ".dapr.route)");
		}
		logger.info("Dapr function '" + binding.name() + "': " + binding.trigger().describe() + " on POST " + route);
	}

	Map<String, HttpRequestHandler> handlers() {
		return this.handlers;
	}

}
