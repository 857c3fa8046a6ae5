package dev.funcboot.trigger.dapr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the entries of a bulk delivery in parallel, at most {@code parallelism} at a time (the
 * request's own thread is one of them), and returns their statuses in entry order. An entry that
 * throws (it should not: the pipeline turns failures into results) is answered {@code RETRY}.
 */
final class DaprBulkExecutor implements AutoCloseable {

	private static final String RETRY = "RETRY";

	private final ExecutorService executor;

	DaprBulkExecutor() {
		AtomicInteger count = new AtomicInteger();
		this.executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "funcboot-dapr-bulk-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	List<String> runAll(List<Supplier<String>> entries, int parallelism) {
		String[] statuses = new String[entries.size()];
		AtomicInteger next = new AtomicInteger();
		Runnable lane = () -> {
			for (int i = next.getAndIncrement(); i < statuses.length; i = next.getAndIncrement()) {
				try {
					statuses[i] = entries.get(i).get();
				}
				catch (RuntimeException ex) {
					statuses[i] = RETRY;
				}
			}
		};
		int lanes = Math.max(1, Math.min(parallelism, entries.size()));
		List<Future<?>> helpers = new ArrayList<>();
		for (int i = 1; i < lanes; i++) {
			helpers.add(this.executor.submit(lane));
		}
		lane.run();
		for (Future<?> helper : helpers) {
			try {
				helper.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (ExecutionException ex) {
				// a lane only fails if the executor does; its unfinished entries stay null: RETRY
			}
		}
		List<String> result = new ArrayList<>(statuses.length);
		for (String status : statuses) {
			result.add((status != null) ? status : RETRY);
		}
		return result;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
