package dev.funcboot.inference.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.inference.Predictor;
import dev.funcboot.inference.batch.BatchRunner;

/**
 * One worker's predictor, created once and used only by that worker. Tensor models run a batch
 * as one {@code (N, ...)} tensor; models with a user translator go through DJL's
 * {@code batchPredict} and the translator's batchifier.
 */
abstract sealed class PredictorRunner implements BatchRunner<Object, Object> {

	final Predictor<?, ?> predictor;

	PredictorRunner(Predictor<?, ?> predictor) {
		this.predictor = predictor;
	}

	@Override
	public void close() {
		this.predictor.close();
	}

	static final class Tensors extends PredictorRunner {

		private final Predictor<float[][], float[][]> tensors;

		Tensors(Predictor<float[][], float[][]> predictor) {
			super(predictor);
			this.tensors = predictor;
		}

		@Override
		public List<Object> run(List<Object> inputs) throws Exception {
			float[][] batch = new float[inputs.size()][];
			for (int i = 0; i < batch.length; i++) {
				batch[i] = (float[]) inputs.get(i);
			}
			return new ArrayList<>(Arrays.asList((Object[]) this.tensors.predict(batch)));
		}

	}

	static final class Translated extends PredictorRunner {

		private final Predictor<Object, Object> objects;

		@SuppressWarnings("unchecked")
		Translated(Predictor<?, ?> predictor) {
			super(predictor);
			this.objects = (Predictor<Object, Object>) predictor;
		}

		@Override
		public List<Object> run(List<Object> inputs) throws Exception {
			return (inputs.size() == 1) ? List.of(this.objects.predict(inputs.get(0)))
					: this.objects.batchPredict(inputs);
		}

	}

}
