package dev.funcboot.trigger.stream;

import java.util.function.ToLongFunction;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counter {@code funcboot.stream.messages} per function, trigger type, destination and settlement
 * ({@code completed}, {@code retried}, {@code dead_lettered}).
 */
final class StreamTriggerMetrics implements MeterBinder {

	static final String NAME = "funcboot.stream.messages";

	private final StreamTriggerBindings bindings;

	StreamTriggerMetrics(StreamTriggerBindings bindings) {
		this.bindings = bindings;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (FunctionBinding function : this.bindings.functions()) {
			register(registry, function, "completed", StreamCounts::completedCount);
			register(registry, function, "retried", StreamCounts::retriedCount);
			register(registry, function, "dead_lettered", StreamCounts::deadLetteredCount);
		}
	}

	private void register(MeterRegistry registry, FunctionBinding function, String settlement,
			ToLongFunction<StreamCounts> count) {
		StreamTriggerBinding trigger = (StreamTriggerBinding) function.trigger();
		FunctionCounter
			.builder(NAME, this.bindings, (bindings) -> count.applyAsLong(bindings.counts(function.name())))
			.description("Broker messages by how they were settled")
			.tag("function", function.name())
			.tag("trigger", trigger.type())
			.tag("destination", trigger.destination())
			.tag("settlement", settlement)
			.register(registry);
	}

}
