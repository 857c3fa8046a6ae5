package dev.funcboot.trigger.dapr;

import java.util.Collection;

import dev.funcboot.functions.binding.DaprBindingTriggerBinding;
import dev.funcboot.functions.binding.DaprPublishBinding;
import dev.funcboot.functions.binding.DaprTopicTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.OutputBinding;

/**
 * Fails the start-up when an output would be lost: {@code @DaprPublish} on a function whose
 * trigger is not a Dapr trigger (other adapters send only their own outputs), or another
 * technology's output on a Dapr-triggered function.
 */
final class DaprOutputChecks {

	private DaprOutputChecks() {
	}

	static void check(Collection<FunctionBinding> bindings) {
		for (FunctionBinding binding : bindings) {
			boolean dapr = binding.trigger() instanceof DaprTopicTriggerBinding
					|| binding.trigger() instanceof DaprBindingTriggerBinding;
			for (OutputBinding output : binding.outputs()) {
				boolean daprOutput = output instanceof DaprPublishBinding;
				if (daprOutput && !dapr) {
					throw new IllegalStateException("Function '" + binding.name() + "' declares @DaprPublish, but its "
							+ binding.trigger().type() + " trigger does not publish Dapr outputs; its results would be "
							+ "lost. Use a Dapr trigger, or publish with DaprClient/DaprMessagingTemplate in the function");
				}
				if (dapr && !daprOutput) {
					throw new IllegalStateException("Function '" + binding.name() + "' has a Dapr trigger and a "
							+ output.type() + " output, which Dapr triggers do not send; its results would be lost. "
							+ "Use @DaprPublish (a Dapr pub/sub component can front the same broker)");
				}
			}
		}
	}

}
