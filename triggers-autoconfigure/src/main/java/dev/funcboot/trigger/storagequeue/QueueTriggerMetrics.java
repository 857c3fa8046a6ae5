package dev.funcboot.trigger.storagequeue;

import java.util.List;
import java.util.function.ToLongFunction;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.trigger.storagequeue.binder.SettlementCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counter {@code funcboot.queue.messages} per function, queue and settlement ({@code completed},
 * {@code retried}, {@code dead_lettered}), read from the binder's settlement counts.
 */
final class QueueTriggerMetrics implements MeterBinder {

	static final String NAME = "funcboot.queue.messages";

	private final List<FunctionBinding> functions;

	private final QueueTriggerBindings bindings;

	QueueTriggerMetrics(List<FunctionBinding> functions, QueueTriggerBindings bindings) {
		this.functions = functions;
		this.bindings = bindings;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (FunctionBinding function : this.functions) {
			String queue = ((QueueTriggerBinding) function.trigger()).queue();
			register(registry, function.name(), queue, "completed", SettlementCounts::completedCount);
			register(registry, function.name(), queue, "retried", SettlementCounts::retriedCount);
			register(registry, function.name(), queue, "dead_lettered", SettlementCounts::deadLetteredCount);
		}
	}

	private void register(MeterRegistry registry, String function, String queue, String settlement,
			ToLongFunction<SettlementCounts> count) {
		FunctionCounter.builder(NAME, this.bindings, (bindings) -> count.applyAsLong(bindings.counts(function)))
			.description("Storage queue messages by how they were settled")
			.tag("function", function)
			.tag("queue", queue)
			.tag("settlement", settlement)
			.register(registry);
	}

}
