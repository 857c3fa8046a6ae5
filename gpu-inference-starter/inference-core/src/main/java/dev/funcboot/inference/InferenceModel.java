package dev.funcboot.inference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.funcboot.functions.RetryLaterException;
import dev.funcboot.inference.batch.BatchListener;
import dev.funcboot.inference.batch.BatcherOptions;
import dev.funcboot.inference.batch.DynamicBatcher;
import dev.funcboot.inference.djl.DjlModelLoader;
import dev.funcboot.inference.djl.LoadedModel;
import dev.funcboot.inference.djl.TensorInputs;
import dev.funcboot.inference.source.ModelSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One served model: its state, and once ready its batcher over per-worker predictors.
 * {@link #predict(Object)} is thread-safe and blocks until the result is in.
 */
public final class InferenceModel implements AutoCloseable {

	/** What a caller of a model that failed to load is told to wait: it stays failed until restarted. */
	static final Duration FAILED_RETRY_AFTER = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(InferenceModel.class);

	private final ModelSpec spec;

	private final InferenceListener listener;

	private volatile ModelState state;

	private volatile DynamicBatcher<Object, Object> batcher;

	private volatile LoadedModel loaded;

	InferenceModel(ModelSpec spec, InferenceListener listener) {
		this.spec = spec;
		this.listener = listener;
		this.state = ModelState.loading(spec.engine().djlName());
	}

	public ModelSpec spec() {
		return this.spec;
	}

	public String name() {
		return this.spec.name();
	}

	public ModelState state() {
		return this.state;
	}

	/** Requests waiting for a worker (0 until ready). */
	public int queueDepth() {
		DynamicBatcher<Object, Object> current = this.batcher;
		return (current != null) ? current.queueDepth() : 0;
	}

	/**
	 * Runs one request through the batcher and waits for its result.
	 * @throws ModelInputException when the input does not fit the model (poison)
	 * @throws RetryLaterException when the model is loading, failed, or its queue is full
	 */
	public Object predict(Object input) {
		CompletableFuture<Object> future = submit(input);
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			// the caller gave up (timeout): the batcher skips a request whose future is done
			future.cancel(false);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Model '" + name() + "': interrupted while waiting for the result", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Model '" + name() + "' failed: " + cause.getMessage(), cause);
		}
	}

	/** Queues one request; the future completes on a worker thread. */
	public CompletableFuture<Object> submit(Object input) {
		DynamicBatcher<Object, Object> current = this.batcher;
		if (current == null) {
			throw notReady();
		}
		Object checked = this.spec.isTensorModel() ? TensorInputs.check(name(), this.spec.inputShape(), input) : input;
		return current.submit(checked);
	}

	private RetryLaterException notReady() {
		ModelState current = this.state;
		return switch (current.status()) {
			case LOADING -> new RetryLaterException("Model '" + name() + "' is still loading; retry shortly",
					RetryLaterException.Reason.UNAVAILABLE, this.spec.retryAfter());
			case FAILED -> new RetryLaterException("Model '" + name() + "' failed to load (" + current.reason()
					+ "); fix it and restart the application", RetryLaterException.Reason.UNAVAILABLE,
					FAILED_RETRY_AFTER);
			default -> new RetryLaterException("Model '" + name() + "' is shut down",
					RetryLaterException.Reason.UNAVAILABLE, this.spec.retryAfter());
		};
	}

	/** Fetches, loads and warms up the model; a failure leaves it FAILED, never throws. */
	void load(ModelSources sources, DjlModelLoader loader, Path cacheDir) {
		long start = System.nanoTime();
		try {
			Path file = sources.fetch(this.spec, cacheDir);
			LoadedModel model = loader.load(this.spec, file);
			synchronized (this) {
				if (this.state.status() == ModelStatus.CLOSED) {
					model.runners().forEach((runner) -> runner.close());
					model.close();
					return;
				}
				this.loaded = model;
				this.batcher = new DynamicBatcher<>(options(), model.runners(), new Listener());
				changeState(this.state.ready(model.device()));
			}
			logger.info("Model '{}' ready on {} ({} engine, device '{}' asked for) in {} ms: {} worker(s), batch size "
					+ "{}, max batch delay {} ms, queue size {}", name(), model.device(), this.spec.engine().djlName(),
					this.spec.device(), (System.nanoTime() - start) / 1_000_000, this.spec.workers(),
					this.spec.batchSize(), this.spec.maxBatchDelay().toMillis(), this.spec.queueSize());
		}
		catch (Exception | LinkageError ex) {
			String reason = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			logger.error("Model '{}' failed to load from '{}'; the application runs on without it: {}", name(),
					this.spec.location(), reason, ex);
			changeState(this.state.failed(reason));
		}
	}

	private BatcherOptions options() {
		return new BatcherOptions(name(), this.spec.workers(), this.spec.batchSize(), this.spec.maxBatchDelay(),
				this.spec.queueSize(), this.spec.retryAfter());
	}

	private void changeState(ModelState next) {
		this.state = next;
		this.listener.onStateChanged(name(), next);
	}

	@Override
	public synchronized void close() {
		DynamicBatcher<Object, Object> current = this.batcher;
		this.batcher = null;
		if (current != null) {
			current.close();
		}
		if (this.loaded != null) {
			this.loaded.close();
			this.loaded = null;
		}
		changeState(this.state.closed());
	}

	private final class Listener implements BatchListener {

		@Override
		public void onBatch(int size, long nanos) {
			InferenceModel.this.listener.onBatch(name(), size, nanos);
		}

		@Override
		public void onRejected() {
			InferenceModel.this.listener.onRejected(name());
		}

		@Override
		public void onCompleted(long nanos, boolean success) {
			InferenceModel.this.listener.onCompleted(name(), nanos, success);
		}

	}

}
