package dev.funcboot.durable.store;

/** What a store queued, so that a worker wakes only the threads that can take it. */
public enum WorkKind {

	/** A message for an instance (a start, a result, an event), or an instance's lock released. */
	ORCHESTRATION,

	/** An activity call. */
	ACTIVITY

}
