package dev.funcboot.durable.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listener bookkeeping of a {@link WorkNotifier} store: stores register listeners here and
 * report what each write queued. Thread-safe.
 */
public final class WorkSignals {

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private final List<Consumer<WorkKind>> kindListeners = new CopyOnWriteArrayList<>();

	public void onWork(Runnable listener) {
		this.listeners.add(listener);
	}

	public void onWorkOfKind(Consumer<WorkKind> listener) {
		this.kindListeners.add(listener);
	}

	/** Tells listeners of the instances that may have work now and of the activity calls queued. */
	public void signal(int instances, int activities) {
		for (Runnable listener : this.listeners) {
			listener.run();
		}
		for (Consumer<WorkKind> listener : this.kindListeners) {
			for (int i = 0; i < instances; i++) {
				listener.accept(WorkKind.ORCHESTRATION);
			}
			for (int i = 0; i < activities; i++) {
				listener.accept(WorkKind.ACTIVITY);
			}
		}
	}

	/** Signals what a committed step queued: its own instance (released), the instances it messaged, its activity calls. */
	public void signalStep(String instanceId, StepCommit commit) {
		Set<String> ids = new HashSet<>();
		ids.add(instanceId);
		commit.messages().forEach((message) -> ids.add(message.instanceId()));
		signal(ids.size(), commit.activities().size());
	}

}
