package dev.funcboot.inference.djl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;
import dev.funcboot.inference.InferenceEngine;
import dev.funcboot.inference.ModelSpec;
import dev.funcboot.inference.batch.BatchRunner;

/**
 * Loads a model file with DJL on the device its {@link dev.funcboot.inference.DeviceChoice}
 * resolves to, creates one predictor per worker, and warms each up.
 */
public final class DjlModelLoader {

	/** Loads {@code file}; the caller owns the result. */
	public LoadedModel load(ModelSpec spec, Path file) throws Exception {
		Engine engine = engine(spec);
		Device device = spec.device().resolve(engine.getEngineName(), engine.getGpuCount());
		ZooModel<?, ?> model = criteria(spec, file, device).loadModel();
		List<BatchRunner<Object, Object>> runners = new ArrayList<>();
		try {
			for (int i = 0; i < spec.workers(); i++) {
				PredictorRunner runner = runner(spec, model.newPredictor());
				runners.add(runner);
				warmUp(spec, runner);
			}
		}
		catch (Exception | Error ex) {
			runners.forEach(BatchRunner::close);
			model.close();
			throw ex;
		}
		return new LoadedModel(model, device.toString(), runners);
	}

	private static Engine engine(ModelSpec spec) {
		String name = spec.engine().djlName();
		if (!Engine.hasEngine(name)) {
			String artifact = (spec.engine() == InferenceEngine.ONNXRUNTIME) ? "ai.djl.onnxruntime:onnxruntime-engine"
					: "ai.djl.pytorch:pytorch-engine (with pytorch-jni and pytorch-native-cpu)";
			throw new IllegalStateException("Model '" + spec.name() + "' runs on the " + name
					+ " engine, which is not on the class path: add " + artifact);
		}
		return Engine.getEngine(name);
	}

	private static Criteria<?, ?> criteria(ModelSpec spec, Path file, Device device) {
		String fileName = file.getFileName().toString();
		int dot = fileName.lastIndexOf('.');
		String modelName = (dot > 0) ? fileName.substring(0, dot) : fileName;
		Criteria.Builder<?, ?> builder;
		if (spec.isTensorModel()) {
			builder = Criteria.builder()
				.setTypes(float[][].class, float[][].class)
				.optTranslator(new TensorBatchTranslator(spec.name(), spec.inputShape()));
		}
		else {
			builder = userTypes(spec.translator());
		}
		builder.optModelPath(file).optModelName(modelName).optEngine(spec.engine().djlName()).optDevice(device);
		if (spec.engine() == InferenceEngine.PYTORCH) {
			// a model traced on one device loads onto the chosen one
			builder.optOption("mapLocation", "true");
		}
		return builder.build();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Criteria.Builder<?, ?> userTypes(Translator<?, ?> translator) {
		return Criteria.builder().setTypes(Object.class, Object.class).optTranslator((Translator) translator);
	}

	@SuppressWarnings("unchecked")
	private static PredictorRunner runner(ModelSpec spec, Predictor<?, ?> predictor) {
		return spec.isTensorModel() ? new PredictorRunner.Tensors((Predictor<float[][], float[][]>) predictor)
				: new PredictorRunner.Translated(predictor);
	}

	/** Runs zero tensors at batch size 1 and at the full batch size (tensor models only). */
	private static void warmUp(ModelSpec spec, PredictorRunner runner) {
		if (!spec.isTensorModel()) {
			return;
		}
		float[] zeros = new float[Math.toIntExact(spec.sampleSize())];
		List<Object> one = List.of(zeros);
		List<Object> full = new ArrayList<>();
		for (int i = 0; i < spec.batchSize(); i++) {
			full.add(zeros);
		}
		try {
			for (int i = 0; i < spec.warmup(); i++) {
				runner.run(one);
				runner.run(full);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Model '" + spec.name() + "' failed its warm-up with inputs of shape "
					+ spec.sampleShape() + " (" + ex.getMessage() + "); check funcboot.inference.models." + spec.name()
					+ ".input-shape against the model", ex);
		}
	}

}
