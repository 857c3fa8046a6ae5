package dev.funcboot.durable.autoconfigure;

import java.time.Duration;

import dev.funcboot.durable.runtime.DurableWorker;

import org.springframework.context.SmartLifecycle;

/** Starts the durable worker with the context and stops it before the beans it uses. */
final class DurableWorkerLifecycle implements SmartLifecycle {

	private final DurableWorker worker;

	private final Duration shutdownTimeout;

	DurableWorkerLifecycle(DurableWorker worker, Duration shutdownTimeout) {
		this.worker = worker;
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public void start() {
		this.worker.start();
	}

	@Override
	public void stop() {
		try {
			this.worker.stop(this.shutdownTimeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker.isRunning();
	}

}
