package dev.funcboot.durable.internal.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.funcboot.durable.Task;

/**
 * A task completed by history events as replay processes them. {@link #await()} drives the
 * replay forward until the task is done, or suspends the orchestration when the history ends
 * first.
 */
class ReplayTask<T> implements Task<T> {

	private final ReplayContext context;

	private boolean done;

	private T value;

	private RuntimeException failure;

	private List<Consumer<ReplayTask<T>>> listeners;

	ReplayTask(ReplayContext context) {
		this.context = context;
	}

	@Override
	public T await() {
		this.context.checkOwner();
		while (!this.done) {
			if (!this.context.processNextEvent()) {
				throw this.context.block();
			}
		}
		if (this.failure != null) {
			throw this.failure;
		}
		return this.value;
	}

	@Override
	public boolean isDone() {
		return this.done;
	}

	@Override
	public boolean isFailed() {
		return this.done && this.failure != null;
	}

	ReplayContext owner() {
		return this.context;
	}

	T value() {
		return this.value;
	}

	RuntimeException failure() {
		return this.failure;
	}

	void complete(T value) {
		if (this.done) {
			return;
		}
		this.done = true;
		this.value = value;
		fire();
	}

	void fail(RuntimeException failure) {
		if (this.done) {
			return;
		}
		this.done = true;
		this.failure = failure;
		fire();
	}

	/** Runs the listener when the task completes (at once if it already did). */
	void onDone(Consumer<ReplayTask<T>> listener) {
		if (this.done) {
			listener.accept(this);
			return;
		}
		if (this.listeners == null) {
			this.listeners = new ArrayList<>(2);
		}
		this.listeners.add(listener);
	}

	private void fire() {
		if (this.listeners != null) {
			List<Consumer<ReplayTask<T>>> current = this.listeners;
			this.listeners = null;
			for (Consumer<ReplayTask<T>> listener : current) {
				listener.accept(this);
			}
		}
	}

}
