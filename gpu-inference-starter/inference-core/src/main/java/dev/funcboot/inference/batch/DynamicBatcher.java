package dev.funcboot.inference.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.funcboot.functions.RetryLaterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates concurrent requests into batched forward passes and splits the results back.
 *
 * <p>Requests wait in one bounded queue; a request that finds it full is rejected at once with a
 * {@link QueueFullException} (retryable), never queued without bound. Each worker thread owns one
 * {@link BatchRunner} (a predictor, which is not thread-safe) for its whole life. A worker takes
 * the oldest request, then gathers more until the batch holds {@code batchSize} requests or
 * {@code maxBatchDelay} has passed since that oldest request was submitted, whichever comes first;
 * a request that already waited longer than the delay (the workers were busy) goes at once with
 * whatever else is queued. When a batched pass fails, each of its requests is run on its own, so
 * one bad input fails only its caller.
 *
 * @param <I> the input of one request
 * @param <O> the output of one request
 */
public final class DynamicBatcher<I, O> implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DynamicBatcher.class);

	private final BatcherOptions options;

	private final BlockingQueue<Request<I, O>> queue;

	private final BatchListener listener;

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean closed;

	/**
	 * Starts one worker per runner; the batcher owns the runners and closes them.
	 */
	public DynamicBatcher(BatcherOptions options, List<? extends BatchRunner<I, O>> runners, BatchListener listener) {
		this.options = Objects.requireNonNull(options, "options");
		this.listener = (listener != null) ? listener : BatchListener.NONE;
		this.queue = new ArrayBlockingQueue<>(options.queueSize());
		if (runners.size() != options.workers()) {
			throw new IllegalArgumentException("Model '" + options.name() + "': " + options.workers()
					+ " workers need as many runners, got " + runners.size());
		}
		for (int i = 0; i < runners.size(); i++) {
			BatchRunner<I, O> runner = runners.get(i);
			Thread thread = new Thread(() -> work(runner), "funcboot-inference-" + options.name() + "-" + i);
			thread.setDaemon(true);
			this.workers.add(thread);
		}
		this.workers.forEach(Thread::start);
	}

	/**
	 * Queues one request.
	 * @throws QueueFullException when {@code queueSize} requests are already waiting
	 * @throws RetryLaterException when the batcher is closed
	 */
	public CompletableFuture<O> submit(I input) {
		if (this.closed) {
			throw closedError();
		}
		Request<I, O> request = new Request<>(input, System.nanoTime());
		if (!this.queue.offer(request)) {
			this.listener.onRejected();
			throw new QueueFullException(this.options.name(), this.options.queueSize(), this.options.retryAfter());
		}
		if (this.closed && this.queue.remove(request)) {
			// closed while this request was being queued: nobody would ever take it
			throw closedError();
		}
		return request.future;
	}

	/** Requests waiting for a worker. */
	public int queueDepth() {
		return this.queue.size();
	}

	public BatcherOptions options() {
		return this.options;
	}

	private void work(BatchRunner<I, O> runner) {
		try {
			while (!this.closed) {
				List<Request<I, O>> batch = nextBatch();
				if (batch != null) {
					run(runner, batch);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			try {
				runner.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Model '{}': closing a predictor failed", this.options.name(), ex);
			}
		}
	}

	private List<Request<I, O>> nextBatch() throws InterruptedException {
		Request<I, O> first = this.queue.take();
		int size = this.options.batchSize();
		List<Request<I, O>> batch = new ArrayList<>(size);
		batch.add(first);
		long deadline = first.submitted + this.options.maxBatchDelay().toNanos();
		while (batch.size() < size) {
			this.queue.drainTo(batch, size - batch.size());
			long wait = deadline - System.nanoTime();
			if (batch.size() >= size || wait <= 0) {
				break;
			}
			Request<I, O> next = this.queue.poll(wait, TimeUnit.NANOSECONDS);
			if (next == null) {
				break;
			}
			batch.add(next);
		}
		// callers that gave up (timed out, interrupted) are not worth a forward pass
		batch.removeIf((request) -> request.future.isDone());
		return batch.isEmpty() ? null : batch;
	}

	private void run(BatchRunner<I, O> runner, List<Request<I, O>> batch) {
		List<I> inputs = new ArrayList<>(batch.size());
		batch.forEach((request) -> inputs.add(request.input));
		long start = System.nanoTime();
		try {
			List<O> outputs = runner.run(inputs);
			if (outputs == null || outputs.size() != inputs.size()) {
				throw new IllegalStateException("Model '" + this.options.name() + "' returned "
						+ ((outputs != null) ? outputs.size() : 0) + " results for a batch of " + inputs.size());
			}
			this.listener.onBatch(batch.size(), System.nanoTime() - start);
			for (int i = 0; i < batch.size(); i++) {
				complete(batch.get(i), outputs.get(i), null);
			}
		}
		catch (Exception ex) {
			this.listener.onBatch(batch.size(), System.nanoTime() - start);
			if (batch.size() == 1) {
				complete(batch.get(0), null, ex);
				return;
			}
			logger.debug("Model '{}': a batch of {} failed; running its requests one by one", this.options.name(),
					batch.size(), ex);
			for (Request<I, O> request : batch) {
				run(runner, List.of(request));
			}
		}
	}

	private void complete(Request<I, O> request, O output, Throwable error) {
		boolean success = error == null;
		if (success) {
			request.future.complete(output);
		}
		else {
			request.future.completeExceptionally(error);
		}
		this.listener.onCompleted(System.nanoTime() - request.submitted, success);
	}

	private RetryLaterException closedError() {
		return new RetryLaterException("Model '" + this.options.name() + "' is shutting down; retry on another instance",
				RetryLaterException.Reason.UNAVAILABLE, Duration.ofSeconds(1));
	}

	/** Stops the workers, fails what is still queued (retryable) and closes the runners. */
	@Override
	public void close() {
		this.closed = true;
		this.workers.forEach(Thread::interrupt);
		for (Thread worker : this.workers) {
			try {
				worker.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		List<Request<I, O>> left = new ArrayList<>();
		this.queue.drainTo(left);
		left.forEach((request) -> request.future.completeExceptionally(closedError()));
	}

	private static final class Request<I, O> {

		final I input;

		final long submitted;

		final CompletableFuture<O> future = new CompletableFuture<>();

		Request(I input, long submitted) {
			this.input = input;
			this.submitted = submitted;
		}

	}

}
