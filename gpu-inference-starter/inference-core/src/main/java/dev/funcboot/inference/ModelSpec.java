package dev.funcboot.inference;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;

/**
 * One model to serve: where its file is, which engine and device run it, how requests are
 * batched, and how inputs become tensors. Build with {@link #builder(String)}; the defaults are
 * the {@code DEFAULT_*} constants.
 *
 * @param name the model's name, also its function bean's name
 * @param location a file path, {@code file:...}, {@code classpath:...}, or an Azure Blob URL
 * @param engine the DJL engine
 * @param device where it runs
 * @param workers worker threads, each with its own predictor
 * @param batchSize the most requests in one forward pass; 1 turns batching off
 * @param maxBatchDelay how long a request waits for others to join its batch
 * @param queueSize the most requests waiting; more are rejected (retryable)
 * @param retryAfter what a rejected caller is told to wait
 * @param warmup forward passes run after loading, before the model reports ready
 * @param inputShape the shape of one request's tensor, without the batch dimension (tensor
 * models)
 * @param translator a user translator, or {@code null} for tensors in and out as {@code float[]}
 * @param blobConnectionString the Storage connection string for a Blob location, or {@code null}
 * (anonymous, or a SAS token in the URL)
 */
public record ModelSpec(String name, String location, InferenceEngine engine, DeviceChoice device, int workers,
		int batchSize, Duration maxBatchDelay, int queueSize, Duration retryAfter, int warmup, long[] inputShape,
		Translator<?, ?> translator, String blobConnectionString) {

	public static final int DEFAULT_WORKERS = 1;

	public static final int DEFAULT_BATCH_SIZE = 8;

	public static final Duration DEFAULT_MAX_BATCH_DELAY = Duration.ofMillis(5);

	public static final int DEFAULT_QUEUE_SIZE = 256;

	public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

	public static final int DEFAULT_WARMUP = 2;

	public ModelSpec {
		Objects.requireNonNull(name, "name");
		if (location == null || location.isBlank()) {
			throw new IllegalArgumentException("Model '" + name + "' has no location: set funcboot.inference.models."
					+ name + ".location to a file path, classpath:... or a Blob URL");
		}
		Objects.requireNonNull(engine, "engine");
		Objects.requireNonNull(device, "device");
		if (translator == null && (inputShape == null || inputShape.length == 0)) {
			throw new IllegalArgumentException("Model '" + name + "' takes tensors but has no input shape: set "
					+ "funcboot.inference.models." + name + ".input-shape (one request's shape, e.g. 4 or 3,28,28)");
		}
		if (inputShape != null) {
			for (long dimension : inputShape) {
				if (dimension <= 0) {
					throw new IllegalArgumentException("Model '" + name + "': input-shape " + Arrays.toString(inputShape)
							+ " has a dimension that is not positive");
				}
			}
		}
		if (warmup < 0) {
			throw new IllegalArgumentException("Model '" + name + "': warmup must not be negative, was " + warmup);
		}
	}

	public static Builder builder(String name) {
		return new Builder(name);
	}

	/** The shape of one request's tensor, as DJL's {@link Shape}. */
	public Shape sampleShape() {
		return new Shape(this.inputShape);
	}

	/** How many floats one request carries. */
	public long sampleSize() {
		return sampleShape().size();
	}

	/** Whether inputs and outputs are tensors as {@code float[]} (no user translator). */
	public boolean isTensorModel() {
		return this.translator == null;
	}

	public static final class Builder {

		private final String name;

		private String location;

		private InferenceEngine engine = InferenceEngine.PYTORCH;

		private DeviceChoice device = DeviceChoice.AUTO;

		private int workers = DEFAULT_WORKERS;

		private int batchSize = DEFAULT_BATCH_SIZE;

		private Duration maxBatchDelay = DEFAULT_MAX_BATCH_DELAY;

		private int queueSize = DEFAULT_QUEUE_SIZE;

		private Duration retryAfter = DEFAULT_RETRY_AFTER;

		private int warmup = DEFAULT_WARMUP;

		private long[] inputShape;

		private Translator<?, ?> translator;

		private String blobConnectionString;

		private Builder(String name) {
			this.name = name;
		}

		public Builder location(String location) {
			this.location = location;
			return this;
		}

		public Builder engine(InferenceEngine engine) {
			this.engine = engine;
			return this;
		}

		public Builder device(DeviceChoice device) {
			this.device = device;
			return this;
		}

		public Builder workers(int workers) {
			this.workers = workers;
			return this;
		}

		public Builder batchSize(int batchSize) {
			this.batchSize = batchSize;
			return this;
		}

		public Builder maxBatchDelay(Duration maxBatchDelay) {
			this.maxBatchDelay = maxBatchDelay;
			return this;
		}

		public Builder queueSize(int queueSize) {
			this.queueSize = queueSize;
			return this;
		}

		public Builder retryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
			return this;
		}

		public Builder warmup(int warmup) {
			this.warmup = warmup;
			return this;
		}

		public Builder inputShape(long... inputShape) {
			this.inputShape = inputShape;
			return this;
		}

		public Builder translator(Translator<?, ?> translator) {
			this.translator = translator;
			return this;
		}

		public Builder blobConnectionString(String blobConnectionString) {
			this.blobConnectionString = blobConnectionString;
			return this;
		}

		public ModelSpec build() {
			return new ModelSpec(this.name, this.location, this.engine, this.device, this.workers, this.batchSize,
					this.maxBatchDelay, this.queueSize, this.retryAfter, this.warmup, this.inputShape, this.translator,
					this.blobConnectionString);
		}

	}

}
