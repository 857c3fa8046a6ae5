package dev.funcboot.functions.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.TraceContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline hands an event's trace context to the tracing handlers (Micrometer Tracing's
 * propagating receiver handler in an application), so the invocation continues that trace.
 */
class InvocationPipelineTraceTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final FunctionPolicy POLICY = new FunctionPolicy(null, RetryPolicy.NONE, 0);

	private final List<String> extracted = new ArrayList<>();

	private final List<String> plainContexts = new ArrayList<>();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final InvocationPipeline pipeline;

	InvocationPipelineTraceTests() {
		this.registry.observationConfig().observationHandler(new ExtractingHandler());
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onStart(Observation.Context context) {
				InvocationPipelineTraceTests.this.plainContexts.add(context.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return !(context instanceof ReceiverContext);
			}
		});
		this.pipeline = InvocationPipeline.builder().observationRegistry(this.registry).build();
	}

	@Test
	void traceparentInTheMetadataIsReadByTheReceivingHandler() {
		run(Map.of(TraceContext.TRACEPARENT, TRACEPARENT, TraceContext.TRACESTATE, "congo=t61rcWkgMzE"));
		assertThat(this.extracted).containsExactly(TRACEPARENT + "|congo=t61rcWkgMzE");
	}

	@Test
	void traceparentInNestedMessageHeadersIsFoundCaseInsensitively() {
		run(Map.of("headers", Map.of("TraceParent", TRACEPARENT.getBytes())));
		assertThat(this.extracted).containsExactly(TRACEPARENT + "|null");
	}

	@Test
	void withoutTraceparentTheInvocationStartsAPlainObservation() {
		run(Map.of("dequeueCount", 1L));
		assertThat(this.extracted).isEmpty();
		assertThat(this.plainContexts).containsExactly(InvocationPipeline.OBSERVATION_NAME);
	}

	@Test
	void aMalformedTraceparentIsIgnoredNotAFailure() {
		InvocationResult result = run(Map.of(TraceContext.TRACEPARENT, "00-not-a-trace-01"));
		assertThat(result.isSuccess()).isTrue();
		assertThat(this.extracted).isEmpty();
		assertThat(this.plainContexts).containsExactly(InvocationPipeline.OBSERVATION_NAME);
	}

	@Test
	void anInvocationInsideAnObservedRequestNestsInItInsteadOfExtracting() {
		Observation server = Observation.start("http.server.requests", this.registry);
		try (Observation.Scope scope = server.openScope()) {
			run(Map.of(TraceContext.TRACEPARENT, TRACEPARENT));
		}
		server.stop();
		assertThat(this.extracted).isEmpty();
		assertThat(this.plainContexts).containsExactly("http.server.requests", InvocationPipeline.OBSERVATION_NAME);
	}

	private InvocationResult run(Map<String, Object> metadata) {
		InvocationContext context = InvocationContext.of("id-1", "orders", "queue", metadata);
		return this.pipeline.invoke(context, POLICY, (ctx) -> "done");
	}

	private final class ExtractingHandler implements ObservationHandler<ReceiverContext<Object>> {

		@Override
		@SuppressWarnings({ "unchecked", "rawtypes" })
		public void onStart(ReceiverContext<Object> context) {
			ReceiverContext raw = context;
			String parent = raw.getGetter().get(raw.getCarrier(), TraceContext.TRACEPARENT);
			String state = raw.getGetter().get(raw.getCarrier(), TraceContext.TRACESTATE);
			InvocationPipelineTraceTests.this.extracted.add(parent + "|" + state);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ReceiverContext;
		}

	}

}
