package dev.funcboot.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.OutputBinding;

/**
 * Where trigger adapters get the one {@link OutputSender} of a function: every technology's
 * sender for the outputs it declares, in declaration order of the providers.
 */
public final class FunctionOutputs {

	private final List<OutputSenderProvider> providers;

	public FunctionOutputs(List<OutputSenderProvider> providers) {
		this.providers = List.copyOf(providers);
	}

	/**
	 * @throws IllegalStateException when the function declares outputs that no technology on the
	 * class path sends
	 */
	public OutputSender forFunction(FunctionBinding function) {
		if (function.outputs().isEmpty()) {
			return OutputSender.NONE;
		}
		List<OutputSender> senders = new ArrayList<>();
		Set<String> sent = new HashSet<>();
		boolean unknown = false;
		for (OutputSenderProvider provider : this.providers) {
			OutputSender sender = provider.senderFor(function);
			if (sender != null) {
				senders.add(sender);
				sent.addAll(provider.outputTypes());
				unknown |= provider.outputTypes().isEmpty();
			}
		}
		List<String> unsent = function.outputs().stream().map(OutputBinding::type).filter((type) -> !sent.contains(type))
			.distinct()
			.toList();
		if (!senders.isEmpty() && !unknown && !unsent.isEmpty()) {
			throw new IllegalStateException("Function '" + function.name() + "' declares outputs of type " + unsent
					+ " that its trigger cannot send; their results would be lost. Remove them, or use a trigger "
					+ "that sends them");
		}
		if (senders.isEmpty()) {
			throw new IllegalStateException("Function '" + function.name() + "' declares outputs " + function.outputs()
					+ " but no output technology sends them; add the library of the output (e.g. azure-storage-queue "
					+ "and spring-cloud-stream for @QueueOutput)");
		}
		if (senders.size() == 1) {
			return senders.get(0);
		}
		return (result) -> senders.forEach((sender) -> sender.send(result));
	}

}
