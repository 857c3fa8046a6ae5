package dev.funcboot.inference;

/**
 * What the models report, for health and metrics. Implementations must be thread-safe and quick:
 * they run on request and worker threads.
 */
public interface InferenceListener {

	InferenceListener NONE = new InferenceListener() {
	};

	default void onStateChanged(String model, ModelState state) {
	}

	/** A forward pass of {@code size} requests took {@code nanos}. */
	default void onBatch(String model, int size, long nanos) {
	}

	/** A request was turned away: the model's queue was full. */
	default void onRejected(String model) {
	}

	/** A request finished {@code nanos} after it was submitted (queueing included). */
	default void onCompleted(String model, long nanos, boolean success) {
	}

}
