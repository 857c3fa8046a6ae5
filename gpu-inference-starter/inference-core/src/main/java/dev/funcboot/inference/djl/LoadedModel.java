package dev.funcboot.inference.djl;

import java.util.List;

import ai.djl.repository.zoo.ZooModel;
import dev.funcboot.inference.batch.BatchRunner;

/**
 * A model loaded on its device with one runner (predictor) per worker. The runners are handed to
 * the batcher, which closes them; closing this closes the model.
 *
 * @param model the DJL model
 * @param device the device it was loaded on, e.g. {@code cpu()}
 * @param runners one per worker
 */
public record LoadedModel(ZooModel<?, ?> model, String device, List<BatchRunner<Object, Object>> runners)
		implements AutoCloseable {

	@Override
	public void close() {
		this.model.close();
	}

}
