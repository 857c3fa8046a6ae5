package dev.funcboot.inference.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.funcboot.inference.InferenceListener;
import dev.funcboot.inference.InferenceModel;
import dev.funcboot.inference.ModelRegistry;
import dev.funcboot.inference.ModelState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of every model, tagged {@code model}: {@code funcboot.inference.queue.depth}
 * (gauge), {@code funcboot.inference.batch.size} (summary), {@code funcboot.inference.forward}
 * (timer of one batched pass), {@code funcboot.inference.latency} (timer from submit to result,
 * tagged {@code outcome}) and {@code funcboot.inference.rejected} (counter of full-queue rejections).
 */
final class InferenceMetrics implements InferenceListener {

	static final String QUEUE_DEPTH = "funcboot.inference.queue.depth";

	static final String BATCH_SIZE = "funcboot.inference.batch.size";

	static final String FORWARD = "funcboot.inference.forward";

	static final String LATENCY = "funcboot.inference.latency";

	static final String REJECTED = "funcboot.inference.rejected";

	private final MeterRegistry meters;

	private final Supplier<ModelRegistry> models;

	private final Map<String, Boolean> gauges = new ConcurrentHashMap<>();

	InferenceMetrics(MeterRegistry meters, Supplier<ModelRegistry> models) {
		this.meters = meters;
		this.models = models;
	}

	@Override
	public void onStateChanged(String model, ModelState state) {
		this.gauges.computeIfAbsent(model, (name) -> {
			Gauge.builder(QUEUE_DEPTH, () -> depth(name))
				.tag("model", name)
				.description("Requests waiting for a worker of the model")
				.register(this.meters);
			return Boolean.TRUE;
		});
	}

	private int depth(String name) {
		ModelRegistry registry = this.models.get();
		InferenceModel model = (registry != null) ? registry.get(name) : null;
		return (model != null) ? model.queueDepth() : 0;
	}

	@Override
	public void onBatch(String model, int size, long nanos) {
		DistributionSummary.builder(BATCH_SIZE)
			.tag("model", model)
			.description("Requests per forward pass")
			.register(this.meters)
			.record(size);
		Timer.builder(FORWARD).tag("model", model).register(this.meters).record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void onRejected(String model) {
		Counter.builder(REJECTED)
			.tag("model", model)
			.description("Requests turned away because the model's queue was full")
			.register(this.meters)
			.increment();
	}

	@Override
	public void onCompleted(String model, long nanos, boolean success) {
		Timer.builder(LATENCY)
			.tag("model", model)
			.tag("outcome", success ? "success" : "failure")
			.description("Time from submitting a request to its result, queueing included")
			.register(this.meters)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

}
