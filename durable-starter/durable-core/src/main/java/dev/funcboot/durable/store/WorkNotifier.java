package dev.funcboot.durable.store;

import java.util.function.Consumer;

/** A store that can tell workers in this process that it queued work, so they need not poll. */
public interface WorkNotifier {

	/** Runs the listener whenever new work is queued by this process. */
	void onWork(Runnable listener);

	/**
	 * Runs the listener with each kind of work queued by this process, so that activity threads
	 * are not woken by messages for instances, nor orchestration threads by activity calls: once
	 * per activity call queued, and once per instance that got messages or was released. By
	 * default every write is reported once as each kind.
	 */
	default void onWorkOfKind(Consumer<WorkKind> listener) {
		onWork(() -> {
			listener.accept(WorkKind.ORCHESTRATION);
			listener.accept(WorkKind.ACTIVITY);
		});
	}

}
