package dev.funcboot.autoconfigure;

import java.util.Set;

import dev.funcboot.functions.binding.FunctionBinding;

/**
 * Contributed by each output technology's auto-configuration (Storage queue, blob, ...): the
 * sender for a function's outputs of that technology.
 */
@FunctionalInterface
public interface OutputSenderProvider {

	/**
	 * @return the sender for the function's outputs of this technology, or {@code null} when it
	 * declares none
	 */
	OutputSender senderFor(FunctionBinding function);

	/**
	 * The {@link dev.funcboot.functions.binding.OutputBinding#type() output types} this provider
	 * sends, so a function whose outputs some provider would leave unsent fails the start-up;
	 * empty when unknown (then no check is made).
	 */
	default Set<String> outputTypes() {
		return Set.of();
	}

}
