package dev.funcboot.autoconfigure;

import java.util.Map;

/**
 * The propagation headers ({@code traceparent}, {@code tracestate}) of the span in scope, which
 * output bindings add to the messages they send, so the consumer continues the same trace. With
 * Micrometer Tracing on the class path they come from its {@code Propagator}; without it there is
 * no span to propagate and the map is empty.
 */
@FunctionalInterface
public interface TraceHeaders {

	/** No tracing: nothing to propagate. */
	TraceHeaders NONE = Map::of;

	/** The headers of the current span; empty when no span is in scope. */
	Map<String, String> current();

}
