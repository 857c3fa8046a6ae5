package dev.funcboot.trigger.blob;

import java.util.List;
import java.util.function.ToLongFunction;

import dev.funcboot.functions.binding.BlobTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.trigger.storagequeue.binder.SettlementCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counter {@code funcboot.blob.blobs} per function, container and settlement ({@code completed},
 * {@code retried}, {@code dead_lettered}): blob versions by how their attempts ended on this replica.
 */
final class BlobTriggerMetrics implements MeterBinder {

	static final String NAME = "funcboot.blob.blobs";

	private final List<FunctionBinding> functions;

	private final BlobTriggerListeners listeners;

	BlobTriggerMetrics(List<FunctionBinding> functions, BlobTriggerListeners listeners) {
		this.functions = functions;
		this.listeners = listeners;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (FunctionBinding function : this.functions) {
			String container = ((BlobTriggerBinding) function.trigger()).path().container();
			register(registry, function.name(), container, "completed", SettlementCounts::completedCount);
			register(registry, function.name(), container, "retried", SettlementCounts::retriedCount);
			register(registry, function.name(), container, "dead_lettered", SettlementCounts::deadLetteredCount);
		}
	}

	private void register(MeterRegistry registry, String function, String container, String settlement,
			ToLongFunction<SettlementCounts> count) {
		FunctionCounter.builder(NAME, this.listeners, (listeners) -> count.applyAsLong(listeners.counts(function)))
			.description("Blob trigger versions by how their attempts ended")
			.tag("function", function)
			.tag("container", container)
			.tag("settlement", settlement)
			.register(registry);
	}

}
