package dev.funcboot.actuate.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.funcboot.functions.pipeline.InvocationPipeline;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

/**
 * The application's meter observation handler, with Funcboot's invocations served from cached
 * meters. Micrometer's {@code DefaultMeterObservationHandler} builds the tag list and registers
 * (looks up) the timer and the long-task timer on every observation; at hundreds of thousands of
 * broker messages a second that was the largest single cost of an invocation. This handler makes
 * the same meters, with the same names and tags ({@code funcboot.invocation} with the
 * observation's low-cardinality key values and {@code error}; {@code funcboot.invocation.active}
 * unless long-task timers are turned off), looked up once per distinct tag set. Every other
 * observation goes to the handler Spring Boot configured, unchanged.
 *
 * <p>Not served from here: exemplars (a tracing-aware handler puts the span in scope while the
 * timer records; Funcboot's invocation timer records without it).
 */
public final class InvocationMeterObservationHandler implements MeterObservationHandler<Observation.Context> {

	private static final String ACTIVE = InvocationPipeline.OBSERVATION_NAME + ".active";

	private final MeterObservationHandler<Observation.Context> delegate;

	private final MeterRegistry registry;

	private final boolean longTaskTimers;

	private final Map<KeyValues, LongTaskTimer> active = new ConcurrentHashMap<>();

	private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

	public InvocationMeterObservationHandler(MeterObservationHandler<Observation.Context> delegate,
			MeterRegistry registry, boolean longTaskTimers) {
		this.delegate = delegate;
		this.registry = registry;
		this.longTaskTimers = longTaskTimers;
	}

	/** The handler that observes everything but Funcboot's invocations. */
	public MeterObservationHandler<Observation.Context> delegate() {
		return this.delegate;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return isInvocation(context) || this.delegate.supportsContext(context);
	}

	@Override
	public void onStart(Observation.Context context) {
		if (!isInvocation(context)) {
			this.delegate.onStart(context);
			return;
		}
		if (this.longTaskTimers) {
			KeyValues keyValues = context.getLowCardinalityKeyValues();
			LongTaskTimer timer = this.active.get(keyValues);
			if (timer == null) {
				timer = this.active.computeIfAbsent(keyValues,
						(key) -> LongTaskTimer.builder(ACTIVE).tags(tags(key)).register(this.registry));
			}
			context.put(LongTaskTimer.Sample.class, timer.start());
		}
		context.put(Timer.Sample.class, Timer.start(this.registry));
	}

	@Override
	public void onStop(Observation.Context context) {
		if (!isInvocation(context)) {
			this.delegate.onStop(context);
			return;
		}
		Throwable error = context.getError();
		TimerKey key = new TimerKey(context.getLowCardinalityKeyValues(),
				(error != null) ? error.getClass().getSimpleName() : "none");
		Timer timer = this.timers.get(key);
		if (timer == null) {
			timer = this.timers.computeIfAbsent(key, (k) -> Timer.builder(InvocationPipeline.OBSERVATION_NAME)
				.tags(tags(k.keyValues()).and("error", k.error()))
				.register(this.registry));
		}
		Timer.Sample sample = context.getRequired(Timer.Sample.class);
		sample.stop(timer);
		if (this.longTaskTimers) {
			LongTaskTimer.Sample running = context.get(LongTaskTimer.Sample.class);
			if (running != null) {
				running.stop();
			}
		}
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		this.delegate.onEvent(event, context);
	}

	@Override
	public void onError(Observation.Context context) {
		if (!isInvocation(context)) {
			this.delegate.onError(context);
		}
	}

	@Override
	public void onScopeOpened(Observation.Context context) {
		if (!isInvocation(context)) {
			this.delegate.onScopeOpened(context);
		}
	}

	@Override
	public void onScopeClosed(Observation.Context context) {
		if (!isInvocation(context)) {
			this.delegate.onScopeClosed(context);
		}
	}

	@Override
	public void onScopeReset(Observation.Context context) {
		if (!isInvocation(context)) {
			this.delegate.onScopeReset(context);
		}
	}

	private static boolean isInvocation(Observation.Context context) {
		return InvocationPipeline.OBSERVATION_NAME.equals(context.getName());
	}

	private static Tags tags(KeyValues keyValues) {
		Tags tags = Tags.empty();
		for (KeyValue keyValue : keyValues) {
			tags = tags.and(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return tags;
	}

	private record TimerKey(KeyValues keyValues, String error) {
	}

}
