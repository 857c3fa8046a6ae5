package dev.funcboot.inference;

import java.util.Objects;
import java.util.function.Function;

/**
 * A model as a function: what a model's bean is, so that every trigger (HTTP, queue, ...) and
 * orchestration activity can call it by the model's name. Thread-safe; each call waits for its
 * share of a batched forward pass.
 *
 * @param <I> one request's input ({@code float[]} for tensor models)
 * @param <O> one request's output ({@code float[]} for tensor models)
 */
public class ModelFunction<I, O> implements Function<I, O> {

	private final ModelRegistry registry;

	private final String model;

	public ModelFunction(ModelRegistry registry, String model) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.model = Objects.requireNonNull(model, "model");
	}

	public String modelName() {
		return this.model;
	}

	@Override
	@SuppressWarnings("unchecked")
	public O apply(I input) {
		return (O) this.registry.require(this.model).predict(input);
	}

	@Override
	public String toString() {
		return "ModelFunction[" + this.model + "]";
	}

	/** A model that takes and returns tensors as {@code float[]} (no user translator). */
	public static class Tensors extends ModelFunction<float[], float[]> {

		public Tensors(ModelRegistry registry, String model) {
			super(registry, model);
		}

	}

}
