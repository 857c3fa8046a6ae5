package dev.funcboot.functions.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts attempts per function and outcome and keeps the last error, for the Actuator endpoint
 * and health. Cheap enough for every invocation: one map lookup (none when the function is the one counted last)
 * and one {@link LongAdder}.
 */
public final class FunctionStatistics implements InvocationListener {

	private final Map<String, Counters> counters = new ConcurrentHashMap<>();

	/** The counters used last: a broker's consumer runs one function many times in a row. */
	private volatile Counters last;

	private final Clock clock;

	public FunctionStatistics(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onAttempt(InvocationResult result, long durationNanos) {
		Counters c = countersFor(result.context().functionName());
		c.byOutcome.get(result.outcome()).increment();
		if (result.error() != null) {
			c.lastError = new LastError(this.clock.instant(), result.context().invocationId(), result.outcome(),
					result.error().getClass().getName(), result.error().getMessage());
		}
	}

	private Counters countersFor(String function) {
		Counters last = this.last;
		if (last != null && last.function.equals(function)) {
			return last;
		}
		Counters c = this.counters.get(function);
		c = (c != null) ? c : this.counters.computeIfAbsent(function, Counters::new);
		this.last = c;
		return c;
	}

	/** Attempts of the function by outcome; every outcome is present. */
	public Map<InvocationOutcome, Long> counts(String function) {
		Counters c = this.counters.get(function);
		Map<InvocationOutcome, Long> result = new EnumMap<>(InvocationOutcome.class);
		for (InvocationOutcome outcome : InvocationOutcome.values()) {
			result.put(outcome, (c != null) ? c.byOutcome.get(outcome).sum() : 0L);
		}
		return result;
	}

	/** The function's most recent error, or {@code null}. */
	public LastError lastError(String function) {
		Counters c = this.counters.get(function);
		return (c != null) ? c.lastError : null;
	}

	/** The most recent failure of a function. */
	public record LastError(Instant time, String invocationId, InvocationOutcome outcome, String type,
			String message) {
	}

	private static final class Counters {

		final String function;

		final Map<InvocationOutcome, LongAdder> byOutcome = new EnumMap<>(InvocationOutcome.class);

		volatile LastError lastError;

		Counters(String function) {
			this.function = function;
			for (InvocationOutcome outcome : InvocationOutcome.values()) {
				this.byOutcome.put(outcome, new LongAdder());
			}
		}

	}

}
