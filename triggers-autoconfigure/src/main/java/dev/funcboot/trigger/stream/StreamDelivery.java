package dev.funcboot.trigger.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a broker adapter received in one message of its binder (one record, or a batch of them)
 * and how it settles them. Funcboot settles every message itself; the binder never acknowledges
 * on its own. Called on the binder's consumer thread.
 */
public interface StreamDelivery {

	/** The records, in the order the broker delivered them. */
	List<Record> records();

	/** This delivery's attempt number, starting at 1 (for a batch: the highest of its records). */
	int attempt();

	/** Acknowledges every record that was not dead-lettered: offsets committed, messages acked/completed. */
	void complete();

	/**
	 * Asks the broker to deliver the records that were not dead-lettered again after the delay,
	 * as the next attempt.
	 * @return {@code false} when the broker cannot (Event Hubs): the caller retries in place
	 */
	boolean redeliver(Duration delay);

	/**
	 * Sends one record to the dead-letter destination with the reason, and settles it.
	 * @return {@code false} when it had been dead-lettered already (a batch that came again)
	 */
	boolean deadLetter(int index, DeadLetter deadLetter);

	/**
	 * A poll's records for a function that takes one message: the handler invokes the function for
	 * each record in order and settles each on its own, and the broker settles the poll in one go
	 * (one offset commit for the lot). Brokers that deliver polls
	 * ({@link StreamBroker#consumesPolls()}) return this for a single-message function.
	 */
	interface Polled extends StreamDelivery {

		/** The attempt number of one record. */
		int attempt(int index);

		/**
		 * Settles the records before {@code index} (done or dead-lettered) and asks for the record at
		 * {@code index} and those after it again after the delay, the one at {@code index} as its
		 * next attempt, in order.
		 */
		void redeliverFrom(int index, Duration delay);

		/**
		 * Whether a record to retry holds back the ones after it ({@link #redeliverFrom}: Kafka's
		 * partitions), or is retried on its own while the rest go on ({@link #redeliverOne}: a queue).
		 */
		default boolean keepsOrder() {
			return true;
		}

		/** Has the broker deliver the record again after the delay, as its next attempt, alone. */
		default void redeliverOne(int index, Duration delay) {
			throw new UnsupportedOperationException("This broker retries from a record on: redeliverFrom");
		}

	}

	/**
	 * One received record.
	 * @param payload its body
	 * @param metadata what the function's invocation context shows: broker coordinates
	 * (partition, offset, queue ...) and {@code headers}, every message header as a string
	 */
	record Record(byte[] payload, Map<String, Object> metadata) {
	}

	/**
	 * Why a record is dead-lettered, written into the dead letter's headers.
	 * @param reason the exception, or "retries exhausted after n attempts: ..."
	 * @param function the function that gave up
	 * @param attempts attempts made
	 * @param invocationId the last invocation's id
	 */
	record DeadLetter(String reason, String function, int attempts, String invocationId) {
	}

}
