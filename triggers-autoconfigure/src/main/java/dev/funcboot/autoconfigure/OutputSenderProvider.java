package dev.funcboot.autoconfigure;

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

}
