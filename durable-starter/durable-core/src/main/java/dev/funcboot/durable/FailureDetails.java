package dev.funcboot.durable;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Why an activity, sub-orchestration or orchestration failed.
 *
 * @param errorType the exception class name
 * @param message its message
 * @param stackTrace the stack trace as text, or {@code null}
 */
public record FailureDetails(String errorType, String message, String stackTrace) {

	public static FailureDetails of(Throwable error) {
		StringWriter trace = new StringWriter();
		error.printStackTrace(new PrintWriter(trace));
		return new FailureDetails(error.getClass().getName(), error.getMessage(), trace.toString());
	}

	@Override
	public String toString() {
		return this.errorType + ": " + this.message;
	}

}
