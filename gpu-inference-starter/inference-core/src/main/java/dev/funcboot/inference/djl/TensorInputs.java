package dev.funcboot.inference.djl;

import ai.djl.ndarray.types.Shape;
import dev.funcboot.inference.ModelInputException;

/** Checks a request's tensor against the model's input shape before it joins a batch. */
public final class TensorInputs {

	private TensorInputs() {
	}

	/** @throws ModelInputException naming the model, the expected and the received shape */
	public static float[] check(String model, long[] sampleShape, Object input) {
		Shape expected = new Shape(sampleShape);
		if (input == null) {
			throw new ModelInputException("Model '" + model + "' expects a tensor of shape " + expected + " ("
					+ expected.size() + " float values as a JSON array), received nothing");
		}
		if (!(input instanceof float[] values)) {
			throw new ModelInputException("Model '" + model + "' expects a tensor of shape " + expected + " ("
					+ expected.size() + " float values as a JSON array), received a " + input.getClass().getSimpleName());
		}
		if (values.length != expected.size()) {
			throw new ModelInputException("Model '" + model + "' expects a tensor of shape " + expected + " ("
					+ expected.size() + " float values), received shape (" + values.length + ") (" + values.length
					+ " values)");
		}
		return values;
	}

}
