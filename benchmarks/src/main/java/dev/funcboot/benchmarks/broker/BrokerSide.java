package dev.funcboot.benchmarks.broker;

/** One broker's two consumers of the same pre-filled destination: the raw client and Funcboot. */
interface BrokerSide extends AutoCloseable {

	/** The broker's name in the report. */
	String name();

	/** Fills a fresh destination with the messages; returns its name. */
	String fill(String prefix, int messages) throws Exception;

	/** Consumes the destination with the broker's own client; messages per second. */
	double raw(String destination, int messages) throws Exception;

	/** Consumes the destination with a Funcboot function; messages per second. */
	double funcboot(String destination, int messages) throws Exception;

	@Override
	default void close() throws Exception {
	}

}
