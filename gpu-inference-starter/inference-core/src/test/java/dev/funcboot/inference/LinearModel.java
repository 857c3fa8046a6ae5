package dev.funcboot.inference;

import java.util.Random;

/**
 * What {@code models/linear.pt} and {@code models/linear.onnx} compute (see
 * {@code gpu-inference-starter/models/make-models.py}): {@code y = W x + b}, 4 inputs, 3 outputs.
 */
final class LinearModel {

	static final float[][] W = { { 1f, 0f, 0f, 0f }, { 0f, 2f, 0f, 0f }, { 0.5f, 0.5f, 0.5f, 0.5f } };

	static final float[] B = { 0.1f, -0.2f, 0.3f };

	private LinearModel() {
	}

	static float[] expected(float[] x) {
		float[] y = new float[3];
		for (int row = 0; row < 3; row++) {
			float sum = B[row];
			for (int col = 0; col < 4; col++) {
				sum += W[row][col] * x[col];
			}
			y[row] = sum;
		}
		return y;
	}

	static float[] randomInput(Random random) {
		float[] x = new float[4];
		for (int i = 0; i < 4; i++) {
			x[i] = random.nextFloat() * 10 - 5;
		}
		return x;
	}

	static ModelSpec.Builder spec(String name) {
		return ModelSpec.builder(name).location("classpath:models/linear.pt").inputShape(4).device(DeviceChoice.AUTO);
	}

}
