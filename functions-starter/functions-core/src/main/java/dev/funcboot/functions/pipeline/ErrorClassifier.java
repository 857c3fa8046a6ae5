package dev.funcboot.functions.pipeline;

import dev.funcboot.functions.PoisonMessageException;

/** Decides whether a failure is worth retrying. */
@FunctionalInterface
public interface ErrorClassifier {

	/** Poison when the error, or any of its causes, is a {@link PoisonMessageException}. */
	ErrorClassifier DEFAULT = (error) -> {
		for (Throwable t = error; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof PoisonMessageException) {
				return true;
			}
		}
		return false;
	};

	/** Whether retrying can never help. */
	boolean isPoison(Throwable error);

}
