package dev.funcboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.funcboot.functions.binding.FunctionBinding;

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
		for (OutputSenderProvider provider : this.providers) {
			OutputSender sender = provider.senderFor(function);
			if (sender != null) {
				senders.add(sender);
			}
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
