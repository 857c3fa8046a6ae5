package dev.funcboot.benchmarks.broker;

/** One broker's two consumers of the same pre-filled destination: the raw client and Funcboot. */
interface BrokerSide extends AutoCloseable {

	/** The broker's name in the report. */
	String name();

	/** What the function does with each message, in the report. */
	default String work() {
		return "no-op";
	}

	/**
	 * Puts the round's messages where both sides will read them: a fresh destination, or the end
	 * of the run's one; returns what the sides find them by (the destination, or the first offset).
	 */
	String fill(String prefix, int messages) throws Exception;

	/** Consumes the round's messages with the broker's own client; messages per second. */
	double raw(String destination, int messages) throws Exception;

	/** Consumes the round's messages with a Funcboot function; messages per second. */
	double funcboot(String destination, int messages) throws Exception;

	@Override
	default void close() throws Exception {
	}

}
