package dev.funcboot.functions;

import java.time.Duration;

/** The function ran past its timeout and was interrupted; retryable. */
public class FunctionTimeoutException extends RuntimeException {

	public FunctionTimeoutException(String functionName, Duration timeout) {
		super("Function '" + functionName + "' did not complete within its timeout of " + timeout
				+ "; raise funcboot.functions." + functionName + ".timeout if it needs longer");
	}

}
