package dev.funcboot.trigger.dapr;

import java.util.List;

import dev.funcboot.functions.binding.DaprTopicTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counter {@code funcboot.dapr.events} per function, trigger and status ({@code success},
 * {@code retry}, {@code drop} for topics; {@code success}, {@code failed}, {@code rejected} for
 * input bindings), read from the delivery counts.
 */
final class DaprMetrics implements MeterBinder {

	static final String NAME = "funcboot.dapr.events";

	private final List<FunctionBinding> functions;

	private final DaprDeliveryCounts counts;

	DaprMetrics(List<FunctionBinding> functions, DaprDeliveryCounts counts) {
		this.functions = functions;
		this.counts = counts;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (FunctionBinding function : this.functions) {
			boolean topic = function.trigger() instanceof DaprTopicTriggerBinding;
			String[] statuses = topic
					? new String[] { DaprDeliveryCounts.SUCCESS, DaprDeliveryCounts.RETRY, DaprDeliveryCounts.DROP }
					: new String[] { DaprDeliveryCounts.SUCCESS, DaprDeliveryCounts.FAILED,
							DaprDeliveryCounts.REJECTED };
			for (String status : statuses) {
				FunctionCounter.builder(NAME, this.counts, (counts) -> counts.count(function.name(), status))
					.description("Dapr events by how the application answered the sidecar")
					.tag("function", function.name())
					.tag("trigger", function.trigger().type())
					.tag("status", status)
					.register(registry);
			}
		}
	}

}
