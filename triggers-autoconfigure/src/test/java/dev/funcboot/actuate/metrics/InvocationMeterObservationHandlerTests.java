package dev.funcboot.actuate.metrics;

import java.util.Map;

import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.RetryPolicy;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link InvocationMetrics} and {@link InvocationMeterObservationHandler}. */
class InvocationMeterObservationHandlerTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void everyAttemptIsTimedByFunctionTriggerOutcomeAndError() {
		InvocationPipeline pipeline = InvocationPipeline.builder().listener(new InvocationMetrics(this.registry)).build();
		run(pipeline);
		assertThat(timer("success", "none")).isEqualTo(3);
		assertThat(timer("failure", "IllegalStateException")).isEqualTo(1);
		assertThat(this.registry.get("funcboot.invocation").timers()).hasSize(2);
		assertThat(this.registry.get("funcboot.invocation.active").tags("function", "orders", "trigger", "queue")
			.gauge()
			.value()).isZero();
	}

	@Test
	void functionsAndTriggersTakingTurnsAreTimedEachUnderTheirOwnTags() {
		// the meters used last are kept at hand; a turn to another function or trigger must not reuse them
		InvocationPipeline pipeline = InvocationPipeline.builder().listener(new InvocationMetrics(this.registry)).build();
		for (int i = 0; i < 3; i++) {
			pipeline.invoke(InvocationContext.of("o" + i, "orders", "queue", Map.of()), FunctionPolicy.DEFAULT,
					(ctx) -> null);
			pipeline.invoke(InvocationContext.of("b" + i, "billing", "queue", Map.of()), FunctionPolicy.DEFAULT,
					(ctx) -> null);
			pipeline.invoke(InvocationContext.of("k" + i, "orders", "kafka", Map.of()), FunctionPolicy.DEFAULT,
					(ctx) -> {
						throw new IllegalStateException("no");
					});
			pipeline.invoke(InvocationContext.of("s" + i, "orders", "kafka", Map.of()), FunctionPolicy.DEFAULT,
					(ctx) -> null);
		}
		assertThat(count("orders", "queue", "success", "none")).isEqualTo(3);
		assertThat(count("billing", "queue", "success", "none")).isEqualTo(3);
		assertThat(count("orders", "kafka", "failure", "IllegalStateException")).isEqualTo(3);
		assertThat(count("orders", "kafka", "success", "none")).isEqualTo(3);
		assertThat(this.registry.get("funcboot.invocation").timers()).hasSize(4);
	}

	private long count(String function, String trigger, String outcome, String error) {
		return this.registry.get("funcboot.invocation")
			.tags("function", function, "trigger", trigger, "outcome", outcome, "error", error)
			.timer()
			.count();
	}

	@Test
	void activeInvocationsAreCountedWhileTheyRunAndRejectionsAreTimedOnly() {
		InvocationPipeline pipeline = InvocationPipeline.builder().listener(new InvocationMetrics(this.registry)).build();
		FunctionPolicy limited = new FunctionPolicy(null, RetryPolicy.NONE, 1);
		pipeline.invoke(context(), limited, (ctx) -> {
			assertThat(this.registry.get("funcboot.invocation.active").gauge().value()).isEqualTo(1);
			// a second invocation while the only permit is taken
			assertThat(pipeline.invoke(context(), limited, (inner) -> "never").outcome().tag()).isEqualTo("rejected");
			return null;
		});
		assertThat(this.registry.get("funcboot.invocation.active").gauge().value()).isZero();
		assertThat(timer("rejected", "ConcurrencyLimitExceededException")).isEqualTo(1);
		assertThat(timer("success", "none")).isEqualTo(1);
	}

	@Test
	void observedInvocationsAreLeftToTheListenerAndEverythingElseToBootsHandler() {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new InvocationMeterObservationHandler(new DefaultMeterObservationHandler(this.registry)));
		InvocationPipeline pipeline = InvocationPipeline.builder()
			.observationRegistry(observations)
			.listener(new InvocationMetrics(this.registry))
			.build();
		run(pipeline);
		Observation.createNotStarted("other", observations).start().stop();
		// one timer per tag set, each counted once: the observation handler made none of them
		assertThat(timer("success", "none")).isEqualTo(3);
		assertThat(this.registry.get("funcboot.invocation").timers()).hasSize(2);
		assertThat(this.registry.find("funcboot.invocation.active").longTaskTimers()).isEmpty();
		assertThat(this.registry.get("other").timer().count()).isEqualTo(1);
		assertThat(this.registry.get("other.active").longTaskTimer()).isNotNull();
	}

	private long timer(String outcome, String error) {
		return this.registry.get("funcboot.invocation")
			.tags("function", "orders", "trigger", "queue", "outcome", outcome, "error", error)
			.timer()
			.count();
	}

	private static void run(InvocationPipeline pipeline) {
		FunctionPolicy policy = new FunctionPolicy(null, RetryPolicy.NONE, 0);
		for (int i = 0; i < 3; i++) {
			pipeline.invoke(context(), policy, (ctx) -> "ok");
		}
		pipeline.invoke(context(), policy, (ctx) -> {
			throw new IllegalStateException("broken");
		});
	}

	private static InvocationContext context() {
		return new InvocationContext("id-1", "orders", "queue", Map.of(), null, 1);
	}


}
