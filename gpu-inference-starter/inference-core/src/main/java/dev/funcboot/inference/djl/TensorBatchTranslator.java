package dev.funcboot.inference.djl;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Tensors in, tensors out: a whole batch of requests ({@code float[]} each, one sample of the
 * model's input shape) becomes one {@code (N, shape...)} tensor, and the model's first output
 * {@code (N, ...)} is split back into one {@code float[]} per request. It builds the batch tensor
 * itself rather than stacking per-request tensors, so it works on every engine, ONNX Runtime
 * included.
 */
public final class TensorBatchTranslator implements NoBatchifyTranslator<float[][], float[][]> {

	private final String model;

	private final long[] sampleShape;

	private final int sampleSize;

	public TensorBatchTranslator(String model, long[] sampleShape) {
		this.model = model;
		this.sampleShape = sampleShape.clone();
		this.sampleSize = Math.toIntExact(new Shape(sampleShape).size());
	}

	@Override
	public NDList processInput(TranslatorContext ctx, float[][] batch) {
		float[] data = new float[batch.length * this.sampleSize];
		for (int i = 0; i < batch.length; i++) {
			System.arraycopy(batch[i], 0, data, i * this.sampleSize, this.sampleSize);
		}
		long[] shape = new long[this.sampleShape.length + 1];
		shape[0] = batch.length;
		System.arraycopy(this.sampleShape, 0, shape, 1, this.sampleShape.length);
		return new NDList(ctx.getNDManager().create(data, new Shape(shape)));
	}

	@Override
	public float[][] processOutput(TranslatorContext ctx, NDList list) {
		NDArray output = list.get(0);
		int rows = (int) output.getShape().get(0);
		float[] data = output.toFloatArray();
		if (rows == 0 || data.length % rows != 0) {
			throw new IllegalStateException("Model '" + this.model + "' returned an output of shape " + output.getShape()
					+ ", which does not split into one row per request");
		}
		int width = data.length / rows;
		float[][] result = new float[rows][];
		for (int i = 0; i < rows; i++) {
			result[i] = Arrays.copyOfRange(data, i * width, (i + 1) * width);
		}
		return result;
	}

}
