package dev.funcboot.functions.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import dev.funcboot.functions.ConcurrencyLimitExceededException;
import dev.funcboot.functions.FunctionTimeoutException;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.TraceContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one place where cross-cutting behaviour of every trigger lives: MDC, the
 * {@code funcboot.invocation} observation (traces, tagged function, trigger and outcome), the
 * listeners (statistics, metrics), timeout, concurrency limit, retries and error classification.
 * With the no-op observation registry no observation is made at all: an invocation then costs
 * a few hundred nanoseconds, which a broker function taking hundreds of thousands of messages a
 * second needs.
 *
 * <p>An attempt runs on the caller's thread; a timeout interrupts that thread at the deadline
 * and the attempt ends as {@link InvocationOutcome#TIMEOUT} even if the function ignores the
 * interrupt. Thread-safe; build one per application with {@link #builder()}.
 */
public final class InvocationPipeline implements AutoCloseable {

	/** Name of the observation, the timer metric and the span. */
	public static final String OBSERVATION_NAME = "funcboot.invocation";

	/** MDC keys set for the duration of an attempt. */
	public static final String MDC_INVOCATION_ID = "invocationId";

	public static final String MDC_FUNCTION = "function";

	public static final String MDC_TRIGGER = "trigger";

	private static final Logger logger = LoggerFactory.getLogger(InvocationPipeline.class);

	private final ObservationRegistry observationRegistry;

	/** Deadlines: the clock's time at an invocation's start, read from the start's nanoTime. */
	private final WallClock wallClock;

	private final ErrorClassifier classifier;

	private final Sleeper sleeper;

	/** An array: iterating a list made an iterator twice per invocation. */
	private final InvocationListener[] listeners;

	private final Map<String, Semaphore> limiters = new ConcurrentHashMap<>();

	private volatile TimeoutWatchdog watchdog;

	private InvocationPipeline(Builder builder) {
		this.observationRegistry = builder.observationRegistry;
		this.wallClock = new WallClock(builder.clock);
		this.classifier = builder.classifier;
		this.sleeper = builder.sleeper;
		this.listeners = builder.listeners.toArray(new InvocationListener[0]);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Runs one attempt. Never throws for a failure of the function: the result says how it
	 * ended.
	 */
	public InvocationResult invoke(InvocationContext context, FunctionPolicy policy, FunctionCall call) {
		Objects.requireNonNull(policy, "policy");
		MdcScope scope = MdcScope.CURRENT.get();
		// the caller's scope, when this invocation is one of its run (not one nested in another)
		MdcScope run = (scope != null && scope.runs(context)) ? scope : null;
		long start = (run != null) ? run.start() : System.nanoTime();
		if (policy.timeout() != null && context.deadline() == null) {
			context = context.withDeadline((run != null) ? run.deadline(this.wallClock, start, policy.timeout())
					: this.wallClock.at(start).plus(policy.timeout()));
		}
		Semaphore limiter = limiterFor(context.functionName(), policy.maxConcurrency());
		if (limiter != null && !limiter.tryAcquire()) {
			InvocationResult rejected = new InvocationResult(context, InvocationOutcome.REJECTED, null,
					new ConcurrencyLimitExceededException(context.functionName(), policy.maxConcurrency()),
					context.attempt(), false);
			// observed too, so observers see the rejected outcome
			if (!this.observationRegistry.isNoop()) {
				Observation.createNotStarted(OBSERVATION_NAME, this.observationRegistry)
					.contextualName("funcboot " + context.functionName())
					.lowCardinalityKeyValue("function", context.functionName())
					.lowCardinalityKeyValue("trigger", context.trigger())
					.lowCardinalityKeyValue("outcome", InvocationOutcome.REJECTED.tag())
					.start()
					.stop();
			}
			record(rejected, start, run);
			return rejected;
		}
		try {
			return observe(context, policy, call, start, scope, run);
		}
		finally {
			if (limiter != null) {
				limiter.release();
			}
		}
	}

	/**
	 * Runs attempts until one succeeds, the failure is poison, or the retry policy is
	 * exhausted (then the result is {@link InvocationOutcome#POISON} with
	 * {@code retriesExhausted}). Waits between attempts with the {@link Sleeper}.
	 */
	public InvocationResult invokeWithRetries(InvocationContext context, FunctionPolicy policy, FunctionCall call) {
		InvocationContext attemptContext = context;
		while (true) {
			InvocationResult result = invoke(attemptContext.withDeadline(null), policy, call);
			if (result.isSuccess() || result.outcome() == InvocationOutcome.POISON) {
				return result;
			}
			int attempt = attemptContext.attempt();
			if (!policy.retry().allowsAttemptAfter(attempt)) {
				if (policy.retry().maxAttempts() <= 1) {
					return result;
				}
				return new InvocationResult(result.context(), InvocationOutcome.POISON, null, result.error(), attempt,
						true);
			}
			Duration delay = policy.retry().delayBefore(attempt + 1);
			logger.debug("Function '{}' attempt {} ended {}; retrying in {}", context.functionName(), attempt,
					result.outcome().tag(), delay);
			try {
				this.sleeper.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return result;
			}
			attemptContext = attemptContext.withAttempt(attempt + 1);
		}
	}

	/**
	 * @param scope the thread's MDC scope, or {@code null}
	 * @param run the scope when the invocation is one of its run, else {@code null}
	 */
	private InvocationResult observe(InvocationContext context, FunctionPolicy policy, FunctionCall call, long start,
			MdcScope scope, MdcScope run) {
		for (InvocationListener listener : this.listeners) {
			try {
				listener.onStart(context);
			}
			catch (RuntimeException ex) {
				logger.warn("Invocation listener {} failed", listener, ex);
			}
		}
		if (this.observationRegistry.isNoop()) {
			// nothing observes: no observation to make (metrics come from the listeners)
			InvocationResult result = (run != null) ? attemptInRun(context, policy, call, start, run)
					: withMdc(context, scope, (mdc) -> attempt(context, policy, call, start, mdc));
			record(result, start, run);
			return result;
		}
		// an observation handler that throws must not fail the invocation, nor its message's settlement
		Observation observation;
		try {
			observation = Observation
				.createNotStarted(OBSERVATION_NAME, () -> observationContext(context), this.observationRegistry)
				.contextualName("funcboot " + context.functionName())
				.lowCardinalityKeyValue("function", context.functionName())
				.lowCardinalityKeyValue("trigger", context.trigger())
				.highCardinalityKeyValue("invocation.id", context.invocationId())
				.start();
		}
		catch (RuntimeException ex) {
			logger.warn("The observation of function '{}' could not start; it runs unobserved", context.functionName(),
					ex);
			observation = null;
		}
		InvocationResult result;
		Observation.Scope outer = this.observationRegistry.getCurrentObservationScope();
		Observation.Scope observationScope = openScope(observation, context, outer);
		try {
			result = (run != null) ? attemptInRun(context, policy, call, start, run)
					: withMdc(context, scope, (mdc) -> attempt(context, policy, call, start, mdc));
		}
		finally {
			closeScope(observationScope, context, outer);
		}
		if (observation != null) {
			try {
				if (result.error() != null) {
					observation.error(result.error());
				}
				observation.lowCardinalityKeyValue("outcome", result.outcome().tag()).stop();
			}
			catch (RuntimeException ex) {
				logger.warn("The observation of function '{}' could not stop", context.functionName(), ex);
			}
		}
		record(result, start, run);
		return result;
	}

	/**
	 * Opens the observation's scope; where a handler fails, the thread's current scope is put back
	 * to the outer one, so that no later invocation on this thread nests in a stale observation.
	 */
	private Observation.Scope openScope(Observation observation, InvocationContext context, Observation.Scope outer) {
		if (observation == null) {
			return null;
		}
		try {
			return observation.openScope();
		}
		catch (RuntimeException ex) {
			logger.warn("The observation of function '{}' could not open its scope", context.functionName(), ex);
			this.observationRegistry.setCurrentObservationScope(outer);
			return null;
		}
	}

	private void closeScope(Observation.Scope scope, InvocationContext context, Observation.Scope outer) {
		if (scope == null) {
			return;
		}
		try {
			scope.close();
		}
		catch (RuntimeException ex) {
			logger.warn("The observation of function '{}' could not close its scope", context.functionName(), ex);
			this.observationRegistry.setCurrentObservationScope(outer);
		}
	}

	/**
	 * An attempt that is one of a run of the caller's scope ({@link #mdcScope}), which holds the
	 * function and trigger in the MDC: only the id is put, and it stays until the next invocation
	 * or the scope's end, so the adapter's logs that settle the invocation's message carry it. An
	 * invocation costs one MDC write instead of a read, a write and a removal.
	 */
	private InvocationResult attemptInRun(InvocationContext context, FunctionPolicy policy, FunctionCall call,
			long start, MdcScope run) {
		MDC.put(MDC_INVOCATION_ID, context.invocationId());
		// an invocation nested in this one (the function calling itself) puts back this id
		run.invoking = true;
		try {
			return attempt(context, policy, call, start, run);
		}
		finally {
			run.invoking = false;
		}
	}

	/**
	 * Puts the invocation's id, function and trigger into the MDC for the attempt, and puts back
	 * what was there.
	 */
	private static InvocationResult withMdc(InvocationContext context, MdcScope scope,
			Function<MdcScope, InvocationResult> attempt) {
		String previousId = MDC.get(MDC_INVOCATION_ID);
		String previousFunction = MDC.get(MDC_FUNCTION);
		String previousTrigger = MDC.get(MDC_TRIGGER);
		boolean function = !context.functionName().equals(previousFunction);
		boolean trigger = !context.trigger().equals(previousTrigger);
		MDC.put(MDC_INVOCATION_ID, context.invocationId());
		if (function) {
			MDC.put(MDC_FUNCTION, context.functionName());
		}
		if (trigger) {
			MDC.put(MDC_TRIGGER, context.trigger());
		}
		try {
			return attempt.apply(scope);
		}
		finally {
			restore(MDC_INVOCATION_ID, previousId);
			if (function) {
				restore(MDC_FUNCTION, previousFunction);
			}
			if (trigger) {
				restore(MDC_TRIGGER, previousTrigger);
			}
		}
	}

	/**
	 * Puts a function and trigger into the MDC until the scope is closed, for a trigger adapter
	 * that runs many invocations of one function in a row (a broker's poll): its own logs (retries,
	 * dead letters) carry them, and each invocation inside only sets its id, which the adapter's
	 * logs after it carry too, until the next invocation. Closing puts back the id, function and
	 * trigger that were there before.
	 */
	public static MdcScope mdcScope(String function, String trigger) {
		return new MdcScope(function, trigger);
	}

	/** The function and trigger in the MDC until {@link #close()}, which puts back what was there, id included. */
	public static final class MdcScope implements AutoCloseable {

		/** The calling thread's scope: its invocations need not read the MDC's function and trigger. */
		private static final ThreadLocal<MdcScope> CURRENT = new ThreadLocal<>();

		private final String function;

		private final String trigger;

		private final String previousFunction;

		private final String previousTrigger;

		private final String previousId;

		private final MdcScope outer;

		/** Whether an invocation of the scope runs now (only the scope's thread reads and writes it). */
		private boolean invoking;

		/** The thread's timeout guard, kept for the scope's next invocation. */
		private TimeoutWatchdog.Guard guard;

		/** When the scope's last invocation ended (nanoTime), and whether the next one starts then. */
		private long lastEnd;

		private boolean chained;

		/** The deadline the last invocation got, for a timeout, at a clock time (millis). */
		private Instant deadline;

		private Duration deadlineTimeout;

		private long deadlineMillis;

		private MdcScope(String function, String trigger) {
			this.function = function;
			this.trigger = trigger;
			this.previousFunction = MDC.get(MDC_FUNCTION);
			this.previousTrigger = MDC.get(MDC_TRIGGER);
			this.previousId = MDC.get(MDC_INVOCATION_ID);
			this.outer = CURRENT.get();
			MDC.put(MDC_FUNCTION, function);
			MDC.put(MDC_TRIGGER, trigger);
			CURRENT.set(this);
		}

		/** Whether the invocation is one of this scope's run: its function and trigger, not nested in another. */
		private boolean runs(InvocationContext context) {
			return !this.invoking && this.function.equals(context.functionName())
					&& this.trigger.equals(context.trigger());
		}

		/**
		 * Has the scope's next invocation start its time when the last one ended, instead of reading
		 * the clock: for a caller that goes straight on to the next invocation (a poll's next
		 * record after a completed one), so its time includes making its context and id, some tens
		 * of nanoseconds, and spares a clock read (some 20 to 30 ns on a virtual machine).
		 */
		public void startNextAtLastEnd() {
			this.chained = this.lastEnd != 0;
		}

		private long start() {
			if (this.chained) {
				this.chained = false;
				return this.lastEnd;
			}
			return System.nanoTime();
		}

		private void ended(long end) {
			this.lastEnd = end;
			this.chained = false;
		}

		/** The deadline of an invocation starting now; the same instant within a millisecond. */
		private Instant deadline(WallClock clock, long start, Duration timeout) {
			if (!clock.isSystem()) {
				return clock.at(start).plus(timeout);
			}
			long millis = clock.millisAt(start);
			if (this.deadline == null || millis != this.deadlineMillis || !timeout.equals(this.deadlineTimeout)) {
				this.deadline = Instant.ofEpochMilli(millis).plus(timeout);
				this.deadlineMillis = millis;
				this.deadlineTimeout = timeout;
			}
			return this.deadline;
		}

		@Override
		public void close() {
			restore(MDC_INVOCATION_ID, this.previousId);
			restore(MDC_FUNCTION, this.previousFunction);
			restore(MDC_TRIGGER, this.previousTrigger);
			if (this.outer != null) {
				CURRENT.set(this.outer);
			}
			else {
				CURRENT.remove();
			}
		}

	}

	/**
	 * Continues the trace the event came with: a message's {@code traceparent} makes the
	 * invocation a consumer of that trace, unless a trace is already in scope here (an HTTP
	 * server observation around the handler), which the invocation then simply nests in.
	 */
	private Observation.Context observationContext(InvocationContext context) {
		if (this.observationRegistry.getCurrentObservation() == null
				&& TraceContext.isValidTraceparent(TraceContext.lookup(context.triggerMetadata(), TraceContext.TRACEPARENT))) {
			ReceiverContext<Map<String, Object>> receiver = new ReceiverContext<>(
					(carrier, key) -> TraceContext.lookup(carrier, key), Kind.CONSUMER);
			receiver.setCarrier(context.triggerMetadata());
			receiver.setRemoteServiceName(context.trigger());
			return receiver;
		}
		return new Observation.Context();
	}

	/**
	 * One attempt on the calling thread, time-limited when the policy says so.
	 * @param scope the thread's MDC scope, or {@code null}: it keeps the thread's timeout guard for
	 * the next attempt of a poll
	 */
	private InvocationResult attempt(InvocationContext context, FunctionPolicy policy, FunctionCall call, long start,
			MdcScope scope) {
		TimeoutWatchdog.Guard guard = null;
		if (policy.timeout() != null) {
			guard = watchdog().arm(start, policy.timeout(), (scope != null) ? scope.guard : null);
			if (scope != null && guard.isOwn()) {
				scope.guard = guard;
			}
		}
		Object value = null;
		Throwable error = null;
		try {
			value = call.call(context);
		}
		catch (Throwable ex) {
			error = ex;
		}
		if (guard != null && guard.disarm()) {
			return new InvocationResult(context, InvocationOutcome.TIMEOUT, null,
					new FunctionTimeoutException(context.functionName(), policy.timeout()), context.attempt(), false);
		}
		if (error == null) {
			return new InvocationResult(context, InvocationOutcome.SUCCESS, value, null, context.attempt(), false);
		}
		if (error instanceof InterruptedException) {
			// not our timeout: whoever interrupted the thread (a shutdown) must still see it
			Thread.currentThread().interrupt();
		}
		if (error instanceof Error && !(error instanceof AssertionError) && !(error instanceof StackOverflowError)) {
			logger.error("Function '{}' failed with a JVM error", context.functionName(), error);
		}
		InvocationOutcome outcome = this.classifier.isPoison(error) ? InvocationOutcome.POISON
				: InvocationOutcome.FAILURE;
		return new InvocationResult(context, outcome, null, error, context.attempt(), false);
	}

	private void record(InvocationResult result, long start, MdcScope run) {
		long end = System.nanoTime();
		if (run != null) {
			run.ended(end);
		}
		long duration = end - start;
		for (InvocationListener listener : this.listeners) {
			try {
				listener.onAttempt(result, duration);
			}
			catch (RuntimeException ex) {
				logger.warn("Invocation listener {} failed", listener, ex);
			}
		}
	}

	private Semaphore limiterFor(String function, int maxConcurrency) {
		if (maxConcurrency <= 0) {
			return null;
		}
		// A changed limit for the same function (properties reloaded) gets a fresh semaphore.
		Semaphore semaphore = this.limiters.get(function + '#' + maxConcurrency);
		return (semaphore != null) ? semaphore
				: this.limiters.computeIfAbsent(function + '#' + maxConcurrency, (key) -> new Semaphore(maxConcurrency));
	}

	/** How many more invocations of the function may start now, or -1 when unlimited. */
	public int availablePermits(String function, int maxConcurrency) {
		Semaphore semaphore = limiterFor(function, maxConcurrency);
		return (semaphore != null) ? semaphore.availablePermits() : -1;
	}

	private TimeoutWatchdog watchdog() {
		TimeoutWatchdog watchdog = this.watchdog;
		if (watchdog == null) {
			synchronized (this) {
				watchdog = this.watchdog;
				if (watchdog == null) {
					watchdog = new TimeoutWatchdog();
					this.watchdog = watchdog;
				}
			}
		}
		return watchdog;
	}

	@Override
	public void close() {
		TimeoutWatchdog watchdog = this.watchdog;
		if (watchdog != null) {
			watchdog.close();
		}
	}

	private static void restore(String key, String previous) {
		if (previous != null) {
			MDC.put(key, previous);
		}
		else {
			MDC.remove(key);
		}
	}

	public static final class Builder {

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private Clock clock = Clock.systemUTC();

		private ErrorClassifier classifier = ErrorClassifier.DEFAULT;

		private Sleeper sleeper = Sleeper.SYSTEM;

		private final List<InvocationListener> listeners = new ArrayList<>();

		private Builder() {
		}

		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry);
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock);
			return this;
		}

		public Builder errorClassifier(ErrorClassifier classifier) {
			this.classifier = Objects.requireNonNull(classifier);
			return this;
		}

		public Builder sleeper(Sleeper sleeper) {
			this.sleeper = Objects.requireNonNull(sleeper);
			return this;
		}

		public Builder listener(InvocationListener listener) {
			this.listeners.add(Objects.requireNonNull(listener));
			return this;
		}

		public InvocationPipeline build() {
			return new InvocationPipeline(this);
		}

	}

}
