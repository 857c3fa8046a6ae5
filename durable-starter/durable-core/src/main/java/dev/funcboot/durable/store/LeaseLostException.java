package dev.funcboot.durable.store;

/** The worker's lock on a work item expired and another worker may have taken it; the step is not committed. */
public class LeaseLostException extends RuntimeException {

	public LeaseLostException(String message) {
		super(message);
	}

}
