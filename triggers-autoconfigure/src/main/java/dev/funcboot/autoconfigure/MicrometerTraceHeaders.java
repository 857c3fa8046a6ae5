package dev.funcboot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@link TraceHeaders} from Micrometer Tracing: the current span's context, injected by the
 * application's {@link Propagator} (W3C by default). Looks the tracer up on use, so it works
 * whichever auto-configuration registers it, and does nothing when tracing is off.
 */
final class MicrometerTraceHeaders implements TraceHeaders {

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	MicrometerTraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public Map<String, String> current() {
		Tracer tracer = this.tracer.getIfAvailable();
		Propagator propagator = this.propagator.getIfAvailable();
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		if (span == null || propagator == null) {
			return Map.of();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		propagator.inject(span.context(), headers, Map::put);
		return headers;
	}

}
