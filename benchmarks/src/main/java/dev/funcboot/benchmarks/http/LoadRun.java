package dev.funcboot.benchmarks.http;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.funcboot.benchmarks.harness.KeepAliveConnection;
import dev.funcboot.benchmarks.harness.LatencySamples;

/**
 * One closed-loop run: a fixed number of keep-alive connections, each on its own thread,
 * sending the same request back to back for a fixed time and recording every latency.
 * Connections are opened before the clock starts.
 */
final class LoadRun {

	private final String host;

	private final int port;

	private final int connections;

	LoadRun(String host, int port, int connections) {
		this.host = host;
		this.port = port;
		this.connections = connections;
	}

	Result run(byte[] request, Duration duration) throws InterruptedException {
		CountDownLatch ready = new CountDownLatch(this.connections);
		CountDownLatch go = new CountDownLatch(1);
		List<Worker> workers = new ArrayList<>();
		long[] start = new long[1];
		for (int i = 0; i < this.connections; i++) {
			Worker worker = new Worker(request, ready, go, start, duration.toNanos());
			workers.add(worker);
			worker.setName("load-" + i);
			worker.setDaemon(true);
			worker.start();
		}
		ready.await();
		start[0] = System.nanoTime();
		go.countDown();
		LatencySamples latencies = new LatencySamples(1 << 16);
		long requests = 0;
		long errors = 0;
		int reconnects = 0;
		long end = start[0];
		String firstError = null;
		for (Worker worker : workers) {
			worker.join();
			latencies.addAll(worker.latencies);
			requests += worker.latencies.size();
			errors += worker.errors;
			reconnects += Math.max(0, worker.connection.connects() - 1);
			end = Math.max(end, worker.end);
			if (firstError == null) {
				firstError = worker.firstError;
			}
		}
		return new Result(requests, errors, reconnects, end - start[0], latencies, firstError);
	}

	/** The outcome of one run; latencies of successful requests only. */
	record Result(long requests, long errors, int reconnects, long elapsedNanos, LatencySamples latencies,
			String firstError) {

		double throughput() {
			return this.requests / (this.elapsedNanos / 1e9);
		}

	}

	private final class Worker extends Thread {

		private final byte[] request;

		private final CountDownLatch ready;

		private final CountDownLatch go;

		private final long[] start;

		private final long durationNanos;

		private final KeepAliveConnection connection;

		private final LatencySamples latencies = new LatencySamples();

		private long errors;

		private long end;

		private String firstError;

		Worker(byte[] request, CountDownLatch ready, CountDownLatch go, long[] start, long durationNanos) {
			this.request = request;
			this.ready = ready;
			this.go = go;
			this.start = start;
			this.durationNanos = durationNanos;
			this.connection = new KeepAliveConnection(LoadRun.this.host, LoadRun.this.port, 5000);
		}

		@Override
		public void run() {
			try {
				this.connection.connect();
			}
			catch (IOException ex) {
				fail("connect: " + ex);
			}
			this.ready.countDown();
			try {
				this.go.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			// start[] was written before go.countDown(), which happens-before await() returns
			long deadline = this.start[0] + this.durationNanos;
			long now = System.nanoTime();
			while (now < deadline) {
				try {
					KeepAliveConnection.Response response = this.connection.exchange(this.request);
					long done = System.nanoTime();
					if (response.status() == 200) {
						this.latencies.add(done - now);
					}
					else {
						fail("HTTP " + response.status() + ": " + response.bodyText());
					}
					now = done;
				}
				catch (IOException ex) {
					fail(ex.toString());
					if (ex instanceof ConnectException) {
						pause();
					}
					now = System.nanoTime();
				}
			}
			this.end = now;
			this.connection.close();
		}

		private void fail(String reason) {
			this.errors++;
			if (this.firstError == null) {
				this.firstError = reason;
			}
		}

		private static void pause() {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
