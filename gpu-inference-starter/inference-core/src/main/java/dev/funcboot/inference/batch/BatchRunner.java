package dev.funcboot.inference.batch;

import java.util.List;

/**
 * Runs one batched forward pass: one result per input, in order. Each worker of a
 * {@link DynamicBatcher} owns one runner for its whole life (a DJL {@code Predictor} is not
 * thread-safe), so an implementation needs no locking.
 *
 * @param <I> the input of one request
 * @param <O> the output of one request
 */
public interface BatchRunner<I, O> extends AutoCloseable {

	List<O> run(List<I> inputs) throws Exception;

	@Override
	default void close() {
	}

}
