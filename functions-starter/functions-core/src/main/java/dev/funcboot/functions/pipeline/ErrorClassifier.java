package dev.funcboot.functions.pipeline;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import dev.funcboot.functions.PoisonMessageException;

/** Decides whether a failure is worth retrying. */
@FunctionalInterface
public interface ErrorClassifier {

	/** Poison when the error, or any of its causes, is a {@link PoisonMessageException}. */
	ErrorClassifier DEFAULT = (error) -> {
		// identity set: a cause chain may be a cycle (a.initCause(b); b.initCause(a))
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
			if (t instanceof PoisonMessageException) {
				return true;
			}
		}
		return false;
	};

	/** Whether retrying can never help. */
	boolean isPoison(Throwable error);

}
