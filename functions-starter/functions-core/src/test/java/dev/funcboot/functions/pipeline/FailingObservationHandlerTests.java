package dev.funcboot.functions.pipeline;

import java.time.Clock;
import java.util.Map;

import dev.funcboot.functions.InvocationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An observation handler that throws (a tracer's exporter, a user's handler) must not fail the
 * invocation: a broker function's message would otherwise never be settled as done.
 */
class FailingObservationHandlerTests {

	@ParameterizedTest
	@ValueSource(strings = { "onStart", "onScopeOpened", "onScopeClosed", "onError", "onStop" })
	void theInvocationEndsAsTheFunctionEndedWhateverTheHandlerThrows(String failing) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new FailingHandler(failing));
		FunctionStatistics statistics = new FunctionStatistics(Clock.systemUTC());
		try (InvocationPipeline pipeline = InvocationPipeline.builder()
			.observationRegistry(registry)
			.listener(statistics)
			.build()) {
			InvocationResult success = pipeline.invoke(context("ok-1"), FunctionPolicy.DEFAULT, (ctx) -> "done");
			assertThat(success.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
			assertThat(success.value()).isEqualTo("done");
			InvocationResult failure = pipeline.invoke(context("fail-1"), FunctionPolicy.DEFAULT, (ctx) -> {
				throw new IllegalStateException("the function's own failure");
			});
			assertThat(failure.outcome()).isEqualTo(InvocationOutcome.FAILURE);
			assertThat(failure.error()).hasMessage("the function's own failure");
		}
		// no stale observation is left current on this thread for the next invocations to nest in
		assertThat(registry.getCurrentObservation()).isNull();
		assertThat(registry.getCurrentObservationScope()).isNull();
		// the listeners still saw both attempts
		assertThat(statistics.counts("orders")).containsEntry(InvocationOutcome.SUCCESS, 1L)
			.containsEntry(InvocationOutcome.FAILURE, 1L);
	}

	private static InvocationContext context(String id) {
		return InvocationContext.of(id, "orders", "kafka", Map.of());
	}

	private record FailingHandler(String failing) implements ObservationHandler<Observation.Context> {

		private void maybeFail(String callback) {
			if (callback.equals(this.failing)) {
				throw new IllegalStateException("handler failed in " + callback);
			}
		}

		@Override
		public void onStart(Observation.Context context) {
			maybeFail("onStart");
		}

		@Override
		public void onScopeOpened(Observation.Context context) {
			maybeFail("onScopeOpened");
		}

		@Override
		public void onScopeClosed(Observation.Context context) {
			maybeFail("onScopeClosed");
		}

		@Override
		public void onError(Observation.Context context) {
			maybeFail("onError");
		}

		@Override
		public void onStop(Observation.Context context) {
			maybeFail("onStop");
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
