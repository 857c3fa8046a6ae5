package dev.funcboot.actuate.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.pipeline.InvocationListener;
import dev.funcboot.functions.pipeline.InvocationOutcome;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.InvocationResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Funcboot's invocation metrics, recorded by the pipeline for every attempt: the timer
 * {@code funcboot.invocation} (tags {@code function}, {@code trigger}, {@code outcome},
 * {@code error}: the exception's simple name or {@code none}) and the gauge
 * {@code funcboot.invocation.active} (tags {@code function}, {@code trigger}). Meters are looked up
 * once per tag set and kept, so recording is a map lookup and a timer update: Micrometer's
 * observation-based meter handler registers (looks up) its meters on every observation, the
 * largest single cost of an invocation at broker rates.
 */
public final class InvocationMetrics implements InvocationListener {

	static final String ACTIVE = InvocationPipeline.OBSERVATION_NAME + ".active";

	private final MeterRegistry registry;

	/** By function, then by trigger. */
	private final Map<String, Map<String, FunctionMeters>> meters = new ConcurrentHashMap<>();

	/** The meters used last: a broker's consumer invokes one function many times in a row. */
	private volatile FunctionMeters last;

	public InvocationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onStart(InvocationContext context) {
		meters(context).active.incrementAndGet();
	}

	@Override
	public void onAttempt(InvocationResult result, long durationNanos) {
		FunctionMeters meters = meters(result.context());
		if (result.outcome() != InvocationOutcome.REJECTED) {
			meters.active.decrementAndGet();
		}
		Throwable error = result.error();
		meters.timer(result.outcome(), (error != null) ? error.getClass().getSimpleName() : "none")
			.record(durationNanos, TimeUnit.NANOSECONDS);
	}

	private FunctionMeters meters(InvocationContext context) {
		FunctionMeters last = this.last;
		if (last != null && last.function.equals(context.functionName()) && last.trigger.equals(context.trigger())) {
			return last;
		}
		Map<String, FunctionMeters> byTrigger = this.meters.get(context.functionName());
		if (byTrigger == null) {
			byTrigger = this.meters.computeIfAbsent(context.functionName(), (name) -> new ConcurrentHashMap<>());
		}
		FunctionMeters meters = byTrigger.get(context.trigger());
		if (meters == null) {
			meters = byTrigger.computeIfAbsent(context.trigger(),
					(trigger) -> new FunctionMeters(context.functionName(), trigger));
		}
		this.last = meters;
		return meters;
	}

	/** One function's meters for one trigger. */
	private final class FunctionMeters {

		private final String function;

		private final String trigger;

		private final AtomicInteger active = new AtomicInteger();

		/** By outcome, then by error name. */
		private final Map<InvocationOutcome, Map<String, Timer>> timers = new ConcurrentHashMap<>();

		/** The timer of successes, the one nearly every invocation records. */
		private volatile Timer succeeded;

		FunctionMeters(String function, String trigger) {
			this.function = function;
			this.trigger = trigger;
			Gauge.builder(ACTIVE, this.active, AtomicInteger::get)
				.description("Invocations running now")
				.tags("function", function, "trigger", trigger)
				.register(InvocationMetrics.this.registry);
		}

		Timer timer(InvocationOutcome outcome, String error) {
			if (outcome == InvocationOutcome.SUCCESS && this.succeeded != null) {
				return this.succeeded;
			}
			Map<String, Timer> byError = this.timers.get(outcome);
			if (byError == null) {
				byError = this.timers.computeIfAbsent(outcome, (key) -> new ConcurrentHashMap<>());
			}
			Timer timer = byError.get(error);
			if (timer == null) {
				timer = byError.computeIfAbsent(error, (key) -> Timer.builder(InvocationPipeline.OBSERVATION_NAME)
					.description("Invocation attempts of Funcboot functions")
					.tags("function", this.function, "trigger", this.trigger, "outcome", outcome.tag(), "error", key)
					.register(InvocationMetrics.this.registry));
			}
			if (outcome == InvocationOutcome.SUCCESS && error.equals("none")) {
				this.succeeded = timer;
			}
			return timer;
		}

	}

}
