package dev.funcboot.functions.pipeline;

import java.util.Locale;

/** How an invocation ended; the {@code outcome} tag of the {@code funcboot.invocation} observation. */
public enum InvocationOutcome {

	/** The function returned. */
	SUCCESS,

	/** The function threw a retryable error. */
	FAILURE,

	/** The input is poison: undecodable, rejected by the function, or retries exhausted. */
	POISON,

	/** The attempt ran past its timeout. */
	TIMEOUT,

	/** The function's concurrency limit was full; the invocation never started. */
	REJECTED;

	private final String tag = name().toLowerCase(Locale.ROOT);

	/** Lower-case name used as metric tag. */
	public String tag() {
		return this.tag;
	}

	/** Whether a later attempt may succeed. */
	public boolean isRetryable() {
		return this == FAILURE || this == TIMEOUT || this == REJECTED;
	}

}
