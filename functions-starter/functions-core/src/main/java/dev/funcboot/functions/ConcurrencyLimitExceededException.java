package dev.funcboot.functions;

/** The function already runs its maximum number of concurrent invocations; retryable. */
public class ConcurrencyLimitExceededException extends RuntimeException {

	public ConcurrencyLimitExceededException(String functionName, int limit) {
		super("Function '" + functionName + "' is already running " + limit
				+ " concurrent invocations (funcboot.functions." + functionName + ".max-concurrency)");
	}

}
