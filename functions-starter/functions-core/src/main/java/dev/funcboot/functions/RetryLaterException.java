package dev.funcboot.functions;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * Thrown by a function (or by what it calls) when it cannot take the work <em>now</em> but can
 * later: a full queue, a model still loading. It is retryable and never poison: an HTTP trigger
 * answers 429 ({@link Reason#OVERLOADED}) or 503 ({@link Reason#UNAVAILABLE}) with a
 * {@code Retry-After} header; a queue trigger makes the message visible again after
 * {@link #retryAfter()} (rather than its visibility timeout) instead of dead-lettering it, as long
 * as its {@code max-dequeue-count} allows another delivery.
 */
public class RetryLaterException extends RuntimeException {

	/** Why the work was turned away. */
	public enum Reason {

		/** Too much work queued (HTTP 429 Too Many Requests). */
		OVERLOADED,

		/** Not able to serve yet, e.g. still starting (HTTP 503 Service Unavailable). */
		UNAVAILABLE

	}

	private final Reason reason;

	private final Duration retryAfter;

	public RetryLaterException(String message, Reason reason, Duration retryAfter) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason");
		this.retryAfter = (retryAfter == null || retryAfter.isNegative()) ? Duration.ZERO : retryAfter;
	}

	public Reason reason() {
		return this.reason;
	}

	/** How long the caller should wait before trying again. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** The {@code Retry-After} header value: whole seconds, rounded up, at least 1. */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

	/** The first {@code RetryLaterException} in the error's cause chain, or {@code null}. */
	public static RetryLaterException find(Throwable error) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
			if (t instanceof RetryLaterException retryLater) {
				return retryLater;
			}
		}
		return null;
	}

}
