package dev.funcboot.inference.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.inference.InferenceEngine;
import dev.funcboot.inference.ModelSpec;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Models served as function beans: {@code funcboot.inference.models.<name>.*}, each becoming a
 * function bean named {@code <name>} that triggers bind by {@code funcboot.functions.<name>.*}.
 */
@ConfigurationProperties("funcboot.inference")
public class InferenceProperties {

	/** Whether DJL runs offline (ai.djl.offline=true): models and natives are never downloaded. */
	private boolean offline = true;

	/**
	 * Where DJL extracts the bundled natives and where fetched model files (classpath, Blob) go;
	 * the DJL_CACHE_DIR environment variable or system property, when set, wins.
	 */
	private Path cacheDir = Path.of("djl-cache");

	/** How many models load at the same time. */
	private int loaderThreads = 1;

	/** The models by name; each name is also the function bean's name. */
	private Map<String, Model> models = new LinkedHashMap<>();

	public boolean isOffline() {
		return this.offline;
	}

	public void setOffline(boolean offline) {
		this.offline = offline;
	}

	public Path getCacheDir() {
		return this.cacheDir;
	}

	public void setCacheDir(Path cacheDir) {
		this.cacheDir = cacheDir;
	}

	public int getLoaderThreads() {
		return this.loaderThreads;
	}

	public void setLoaderThreads(int loaderThreads) {
		this.loaderThreads = loaderThreads;
	}

	public Map<String, Model> getModels() {
		return this.models;
	}

	public void setModels(Map<String, Model> models) {
		this.models = models;
	}

	public static class Model {

		/**
		 * The model file: a path, 'file:...', 'classpath:...', or an Azure Blob URL (Azurite:
		 * 'http://127.0.0.1:10000/devstoreaccount1/<container>/<blob>').
		 */
		private String location;

		/** The engine: 'pytorch' (TorchScript .pt) or 'onnxruntime' (.onnx, needs onnxruntime-engine). */
		private InferenceEngine engine = InferenceEngine.PYTORCH;

		/** Where it runs: 'auto' (a GPU when the engine sees one, else the CPU), 'cpu', 'gpu' or 'gpu:N'. */
		private String device = "auto";

		/**
		 * The shape of one request's tensor without the batch dimension, e.g. '4' or '3,28,28';
		 * requests are JSON arrays of that many floats. Required unless a translator is set.
		 */
		private List<Long> inputShape = new ArrayList<>();

		/**
		 * Name of a bean implementing ai.djl.translate.Translator that turns requests into tensors
		 * and back; the function then takes and returns the translator's types.
		 */
		private String translator;

		/** Worker threads, each with its own predictor (created once). */
		private int workers = ModelSpec.DEFAULT_WORKERS;

		/** The most requests in one forward pass; 1 turns dynamic batching off. */
		private int batchSize = ModelSpec.DEFAULT_BATCH_SIZE;

		/** How long a request waits for others to join its batch. */
		private Duration maxBatchDelay = ModelSpec.DEFAULT_MAX_BATCH_DELAY;

		/** The most requests waiting; more are rejected (HTTP 429, a queue message retried later). */
		private int queueSize = ModelSpec.DEFAULT_QUEUE_SIZE;

		/** What a rejected caller is told to wait (Retry-After). */
		private Duration retryAfter = ModelSpec.DEFAULT_RETRY_AFTER;

		/** Warm-up forward passes (at batch size 1 and the full batch size) before the model is ready. */
		private int warmup = ModelSpec.DEFAULT_WARMUP;

		/**
		 * For a Blob location: the storage connection (funcboot.storage.connections.<name>) whose
		 * connection string reads it. Without such a connection the URL must carry a SAS token.
		 */
		private String connection = "default";

		public String getLocation() {
			return this.location;
		}

		public void setLocation(String location) {
			this.location = location;
		}

		public InferenceEngine getEngine() {
			return this.engine;
		}

		public void setEngine(InferenceEngine engine) {
			this.engine = engine;
		}

		public String getDevice() {
			return this.device;
		}

		public void setDevice(String device) {
			this.device = device;
		}

		public List<Long> getInputShape() {
			return this.inputShape;
		}

		public void setInputShape(List<Long> inputShape) {
			this.inputShape = inputShape;
		}

		public String getTranslator() {
			return this.translator;
		}

		public void setTranslator(String translator) {
			this.translator = translator;
		}

		public int getWorkers() {
			return this.workers;
		}

		public void setWorkers(int workers) {
			this.workers = workers;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getMaxBatchDelay() {
			return this.maxBatchDelay;
		}

		public void setMaxBatchDelay(Duration maxBatchDelay) {
			this.maxBatchDelay = maxBatchDelay;
		}

		public int getQueueSize() {
			return this.queueSize;
		}

		public void setQueueSize(int queueSize) {
			this.queueSize = queueSize;
		}

		public Duration getRetryAfter() {
			return this.retryAfter;
		}

		public void setRetryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

		public int getWarmup() {
			return this.warmup;
		}

		public void setWarmup(int warmup) {
			this.warmup = warmup;
		}

		public String getConnection() {
			return this.connection;
		}

		public void setConnection(String connection) {
			this.connection = connection;
		}

	}

}
