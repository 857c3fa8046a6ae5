package dev.funcboot.durable.store;

/** A store that can tell workers in this process that it queued work, so they need not poll. */
public interface WorkNotifier {

	/** Runs the listener whenever new work is queued by this process. */
	void onWork(Runnable listener);

}
