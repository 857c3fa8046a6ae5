package dev.funcboot.inference.autoconfigure;

import dev.funcboot.inference.ModelRegistry;

import org.springframework.context.SmartLifecycle;

/**
 * Starts loading the models when the context starts (in the background: the application does
 * not wait for them) and closes them, with their predictors, when it stops.
 */
final class ModelRegistryLifecycle implements SmartLifecycle {

	/** Early, so models load while the web server and the triggers start. */
	static final int PHASE = Integer.MIN_VALUE + 1000;

	private final ModelRegistry registry;

	private volatile boolean running;

	ModelRegistryLifecycle(ModelRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void start() {
		this.registry.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.registry.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
