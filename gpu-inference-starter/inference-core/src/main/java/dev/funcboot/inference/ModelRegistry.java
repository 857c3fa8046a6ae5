package dev.funcboot.inference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.funcboot.inference.djl.DjlEnvironment;
import dev.funcboot.inference.djl.DjlModelLoader;
import dev.funcboot.inference.source.ModelSources;

/**
 * The served models by name. {@link #start()} loads them in the background, so the application
 * starts at once and each model reports LOADING, then READY or FAILED; a model that fails to load
 * fails only itself. Build with {@link #builder()}; thread-safe.
 */
public final class ModelRegistry implements AutoCloseable {

	private final Map<String, InferenceModel> models = Collections.synchronizedMap(new LinkedHashMap<>());

	private final Path cacheDir;

	private final ModelSources sources;

	private final DjlModelLoader loader = new DjlModelLoader();

	private final InferenceListener listener;

	private final int loaderThreads;

	private ExecutorService loading;

	private ModelRegistry(Builder builder) {
		DjlEnvironment.prepare(builder.offline, builder.cacheDir);
		// DJL_CACHE_DIR, when the environment already set it, wins for fetched models too
		this.cacheDir = Path.of(DjlEnvironment.cacheDir());
		this.sources = (builder.sources != null) ? builder.sources
				: ModelSources.defaults(Thread.currentThread().getContextClassLoader());
		this.listener = builder.listener;
		this.loaderThreads = builder.loaderThreads;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Adds a model in state LOADING; {@link #start()} loads it. */
	public InferenceModel register(ModelSpec spec) {
		InferenceModel model = new InferenceModel(spec, this.listener);
		if (this.models.putIfAbsent(spec.name(), model) != null) {
			throw new IllegalArgumentException("Model '" + spec.name() + "' is registered twice");
		}
		this.listener.onStateChanged(spec.name(), model.state());
		return model;
	}

	/** Loads every registered model in the background. */
	public synchronized void start() {
		if (this.loading != null) {
			return;
		}
		this.loading = Executors.newFixedThreadPool(this.loaderThreads, (runnable) -> {
			Thread thread = new Thread(runnable, "funcboot-inference-loader");
			thread.setDaemon(true);
			return thread;
		});
		for (InferenceModel model : models()) {
			this.loading.execute(() -> model.load(this.sources, this.loader, this.cacheDir));
		}
		this.loading.shutdown();
	}

	/** Waits until no model is LOADING any more; whether that happened within the timeout. */
	public boolean awaitLoaded(Duration timeout) throws InterruptedException {
		ExecutorService executor;
		synchronized (this) {
			executor = this.loading;
		}
		return executor != null && executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The model of this name, or {@code null}. */
	public InferenceModel get(String name) {
		return this.models.get(name);
	}

	/** The model of this name; an error naming the known models when there is none. */
	public InferenceModel require(String name) {
		InferenceModel model = get(name);
		if (model == null) {
			throw new IllegalArgumentException("No model named '" + name + "'; known models: " + this.models.keySet());
		}
		return model;
	}

	public Collection<InferenceModel> models() {
		synchronized (this.models) {
			return List.copyOf(this.models.values());
		}
	}

	@Override
	public void close() {
		synchronized (this) {
			if (this.loading != null) {
				this.loading.shutdownNow();
			}
		}
		List<InferenceModel> all = new ArrayList<>(models());
		all.forEach(InferenceModel::close);
	}

	public static final class Builder {

		private Path cacheDir = Path.of("djl-cache");

		private boolean offline = true;

		private ModelSources sources;

		private InferenceListener listener = InferenceListener.NONE;

		private int loaderThreads = 1;

		private Builder() {
		}

		/**
		 * Where DJL extracts natives and where fetched models go ({@code <dir>/models/<name>});
		 * {@code DJL_CACHE_DIR}, when already set, wins.
		 */
		public Builder cacheDir(Path cacheDir) {
			this.cacheDir = cacheDir;
			return this;
		}

		/** Whether DJL runs offline ({@code ai.djl.offline=true}); the default. */
		public Builder offline(boolean offline) {
			this.offline = offline;
			return this;
		}

		public Builder sources(ModelSources sources) {
			this.sources = sources;
			return this;
		}

		public Builder listener(InferenceListener listener) {
			this.listener = (listener != null) ? listener : InferenceListener.NONE;
			return this;
		}

		/** How many models load at the same time. */
		public Builder loaderThreads(int loaderThreads) {
			this.loaderThreads = Math.max(1, loaderThreads);
			return this;
		}

		public ModelRegistry build() {
			return new ModelRegistry(this);
		}

	}

}
