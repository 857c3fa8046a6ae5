package dev.funcboot.inference;

import dev.funcboot.functions.PoisonMessageException;

/**
 * An input the model can never take (wrong shape, wrong type): poison, so an HTTP caller gets a
 * 400 problem detail and a queue message goes to the poison queue with this message.
 */
public class ModelInputException extends PoisonMessageException {

	public ModelInputException(String message) {
		super(message);
	}

}
