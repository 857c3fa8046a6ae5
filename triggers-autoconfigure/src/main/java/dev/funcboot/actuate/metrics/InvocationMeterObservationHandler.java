package dev.funcboot.actuate.metrics;

import dev.funcboot.functions.pipeline.InvocationPipeline;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

/**
 * The application's meter observation handler, stepping aside for Funcboot's invocations: their
 * metrics come from {@link InvocationMetrics}, so when invocations are observed (for traces) the
 * handler Spring Boot configured must not record a second {@code funcboot.invocation} timer.
 * Every other observation goes to that handler, unchanged.
 */
public final class InvocationMeterObservationHandler implements MeterObservationHandler<Observation.Context> {

	private final MeterObservationHandler<Observation.Context> delegate;

	public InvocationMeterObservationHandler(MeterObservationHandler<Observation.Context> delegate) {
		this.delegate = delegate;
	}

	/** The handler that observes everything but Funcboot's invocations. */
	public MeterObservationHandler<Observation.Context> delegate() {
		return this.delegate;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		// claims the invocations, so that no other meter handler records them either
		return isInvocation(context) || this.delegate.supportsContext(context);
	}

	@Override
	public void onStart(Observation.Context context) {
		if (!isInvocation(context)) {
			this.delegate.onStart(context);
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		if (!isInvocation(context)) {
			this.delegate.onStop(context);
		}
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		if (!isInvocation(context)) {
			this.delegate.onEvent(event, context);
		}
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

}
