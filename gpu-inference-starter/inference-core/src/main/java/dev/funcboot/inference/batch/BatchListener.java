package dev.funcboot.inference.batch;

/** What a {@link DynamicBatcher} reports, for metrics. Called on worker and caller threads. */
public interface BatchListener {

	BatchListener NONE = new BatchListener() {
	};

	/** A forward pass of {@code size} requests took {@code nanos}. */
	default void onBatch(int size, long nanos) {
	}

	/** A request was turned away because the queue was full. */
	default void onRejected() {
	}

	/** A request finished, {@code nanos} after it was submitted. */
	default void onCompleted(long nanos, boolean success) {
	}

}
