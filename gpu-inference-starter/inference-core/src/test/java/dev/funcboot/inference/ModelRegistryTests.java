package dev.funcboot.inference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.funcboot.functions.PoisonMessageException;
import dev.funcboot.functions.RetryLaterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Real models on the real engines (PyTorch CPU natives from the bundled jar, ONNX Runtime), offline. */
class ModelRegistryTests {

	@TempDir
	Path cache;

	private ModelRegistry registry;

	private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

	private final Map<String, ModelState> states = new ConcurrentHashMap<>();

	private ModelRegistry registry() {
		this.registry = ModelRegistry.builder().cacheDir(this.cache).listener(new InferenceListener() {
			@Override
			public void onStateChanged(String model, ModelState state) {
				ModelRegistryTests.this.states.put(model, state);
			}

			@Override
			public void onBatch(String model, int size, long nanos) {
				ModelRegistryTests.this.batchSizes.add(size);
			}
		}).build();
		return this.registry;
	}

	@AfterEach
	void close() {
		if (this.registry != null) {
			this.registry.close();
		}
	}

	private InferenceModel loaded(ModelSpec spec) throws InterruptedException {
		InferenceModel model = registry().register(spec);
		assertThat(model.state().status()).isEqualTo(ModelStatus.LOADING);
		this.registry.start();
		assertThat(this.registry.awaitLoaded(Duration.ofSeconds(120))).isTrue();
		return model;
	}

	@Test
	void aTorchScriptModelComputesWhatItWasTracedFrom() throws Exception {
		InferenceModel model = loaded(LinearModel.spec("linear").build());
		assertThat(model.state().status()).as(String.valueOf(model.state().reason())).isEqualTo(ModelStatus.READY);
		assertThat(model.state().device()).as("no GPU here: auto picks the CPU").isEqualTo("cpu()");
		assertThat(model.state().engine()).isEqualTo("PyTorch");
		float[] x = { 1f, 2f, 3f, 4f };
		assertThat((float[]) model.predict(x)).containsExactly(new float[] { 1.1f, 3.8f, 5.3f }, within(1e-5f));
		assertThat(this.states.get("linear").status()).isEqualTo(ModelStatus.READY);
	}

	@Test
	void batchedResultsEqualUnbatchedResultsForTheSameInputs() throws Exception {
		InferenceModel model = loaded(LinearModel.spec("linear").batchSize(16).maxBatchDelay(Duration.ofMillis(200))
			.workers(1).build());
		Random random = new Random(42);
		List<float[]> inputs = new ArrayList<>();
		for (int i = 0; i < 48; i++) {
			inputs.add(LinearModel.randomInput(random));
		}
		List<float[]> unbatched = new ArrayList<>();
		for (float[] input : inputs) {
			unbatched.add((float[]) model.predict(input));
		}
		this.batchSizes.clear();
		ExecutorService callers = Executors.newFixedThreadPool(16);
		try {
			List<Future<Object>> batched = new ArrayList<>();
			for (float[] input : inputs) {
				batched.add(callers.submit(() -> model.predict(input)));
			}
			for (int i = 0; i < inputs.size(); i++) {
				float[] result = (float[]) batched.get(i).get();
				assertThat(result).containsExactly(unbatched.get(i), within(1e-5f));
				assertThat(result).containsExactly(LinearModel.expected(inputs.get(i)), within(1e-4f));
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.batchSizes).as("16 concurrent callers share forward passes").anyMatch((size) -> size > 1);
		assertThat(this.batchSizes).allMatch((size) -> size <= 16);
		assertThat(this.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(48);
	}

	@Test
	void aWrongShapeIsPoisonNamingTheModelAndBothShapes() throws Exception {
		InferenceModel model = loaded(LinearModel.spec("iris").build());
		assertThatThrownBy(() -> model.predict(new float[] { 1f, 2f, 3f })).isInstanceOf(ModelInputException.class)
			.isInstanceOf(PoisonMessageException.class)
			.hasMessage("Model 'iris' expects a tensor of shape (4) (4 float values), received shape (3) (3 values)");
		assertThatThrownBy(() -> model.predict("1,2,3,4")).isInstanceOf(ModelInputException.class)
			.hasMessageContaining("Model 'iris' expects a tensor of shape (4)")
			.hasMessageContaining("received a String");
		assertThatThrownBy(() -> model.predict(null)).isInstanceOf(ModelInputException.class)
			.hasMessageContaining("received nothing");
	}

	@Test
	void aMissingModelFileFailsThatModelOnlyWithTheReason(@TempDir Path dir) throws Exception {
		Path missing = dir.resolve("nowhere.pt");
		registry();
		InferenceModel broken = this.registry.register(ModelSpec.builder("broken").location(missing.toString())
			.inputShape(4).build());
		InferenceModel good = this.registry.register(LinearModel.spec("good").build());
		this.registry.start();
		assertThat(this.registry.awaitLoaded(Duration.ofSeconds(120))).isTrue();
		assertThat(good.state().status()).isEqualTo(ModelStatus.READY);
		assertThat(broken.state().status()).isEqualTo(ModelStatus.FAILED);
		assertThat(broken.state().reason()).contains("Model 'broken': no model file at " + missing.toAbsolutePath())
			.contains("funcboot.inference.models.broken.location");
		assertThatThrownBy(() -> broken.predict(new float[4])).isInstanceOf(RetryLaterException.class)
			.hasMessageContaining("Model 'broken' failed to load")
			.satisfies((ex) -> assertThat(((RetryLaterException) ex).reason())
				.isEqualTo(RetryLaterException.Reason.UNAVAILABLE));
	}

	@Test
	void anInputShapeThatDoesNotFitTheModelFailsItsWarmUp() throws Exception {
		InferenceModel model = loaded(LinearModel.spec("misfit").inputShape(5).build());
		assertThat(model.state().status()).isEqualTo(ModelStatus.FAILED);
		assertThat(model.state().reason()).contains("Model 'misfit' failed its warm-up with inputs of shape (5)")
			.contains("funcboot.inference.models.misfit.input-shape");
	}

	@Test
	void aGpuThatIsNotThereFailsTheModelWithTheFix() throws Exception {
		InferenceModel model = loaded(LinearModel.spec("ongpu").device(DeviceChoice.parse("gpu")).build());
		assertThat(model.state().status()).isEqualTo(ModelStatus.FAILED);
		assertThat(model.state().reason()).contains("Device gpu:0 was asked for, but the PyTorch engine sees 0 GPU(s)");
	}

	@Test
	void aModelStillLoadingAsksCallersToComeBack() {
		InferenceModel model = registry().register(LinearModel.spec("later").build());
		assertThatThrownBy(() -> model.predict(new float[4])).isInstanceOf(RetryLaterException.class)
			.hasMessage("Model 'later' is still loading; retry shortly");
	}

	@Test
	void theOnnxRuntimeEngineServesTheSameFunction() throws Exception {
		InferenceModel model = loaded(ModelSpec.builder("onnx").location("classpath:models/linear.onnx")
			.engine(InferenceEngine.ONNXRUNTIME).inputShape(4).batchSize(4).build());
		assertThat(model.state().status()).as(String.valueOf(model.state().reason())).isEqualTo(ModelStatus.READY);
		assertThat(model.state().engine()).isEqualTo("OnnxRuntime");
		Random random = new Random(7);
		for (int i = 0; i < 8; i++) {
			float[] x = LinearModel.randomInput(random);
			assertThat((float[]) model.predict(x)).containsExactly(LinearModel.expected(x), within(1e-4f));
		}
	}

	@Test
	void theModelFunctionCallsTheModelByName() throws Exception {
		loaded(LinearModel.spec("fn").build());
		ModelFunction.Tensors function = new ModelFunction.Tensors(this.registry, "fn");
		assertThat(function.apply(new float[] { 0f, 0f, 0f, 0f })).containsExactly(LinearModel.B, within(1e-6f));
		assertThatThrownBy(() -> new ModelFunction.Tensors(this.registry, "other").apply(new float[4]))
			.hasMessage("No model named 'other'; known models: [fn]");
	}

}
