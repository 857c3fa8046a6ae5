package dev.funcboot.actuate.metrics;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.RetryPolicy;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationMeterObservationHandlerTests {

	/** The same invocations against Micrometer's own handler and against the cached one. */
	@Test
	void makesTheSameMetersAsMicrometersOwnHandler() {
		SimpleMeterRegistry plain = new SimpleMeterRegistry();
		run(pipeline(plain, new DefaultMeterObservationHandler(plain)));
		SimpleMeterRegistry cached = new SimpleMeterRegistry();
		run(pipeline(cached, new InvocationMeterObservationHandler(new DefaultMeterObservationHandler(cached), cached,
				true)));
		assertThat(meters(cached)).isEqualTo(meters(plain)).containsKeys(
				"funcboot.invocation[error=none, function=orders, outcome=success, trigger=queue]",
				"funcboot.invocation[error=IllegalStateException, function=orders, outcome=failure, trigger=queue]",
				"funcboot.invocation.active[function=orders, trigger=queue]", "other[error=none]");
		assertThat(cached.get("funcboot.invocation").tag("outcome", "success").timer().count()).isEqualTo(3);
		assertThat(cached.get("funcboot.invocation.active").longTaskTimer().activeTasks()).isZero();
	}

	@Test
	void longTaskTimersCanBeLeftOut() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		run(pipeline(registry, new InvocationMeterObservationHandler(
				new DefaultMeterObservationHandler(registry, DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER),
				registry, false)));
		assertThat(registry.find("funcboot.invocation.active").meters()).isEmpty();
		assertThat(registry.find("other.active").meters()).isEmpty();
		assertThat(registry.get("funcboot.invocation").timers()).hasSize(2);
	}

	@Test
	void activeInvocationsAreCountedWhileTheyRun() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		InvocationPipeline pipeline = pipeline(registry,
				new InvocationMeterObservationHandler(new DefaultMeterObservationHandler(registry), registry, true));
		pipeline.invoke(context(), FunctionPolicy.DEFAULT, (ctx) -> {
			assertThat(registry.get("funcboot.invocation.active").longTaskTimer().activeTasks()).isEqualTo(1);
			return null;
		});
		assertThat(registry.get("funcboot.invocation.active").longTaskTimer().activeTasks()).isZero();
		Timer timer = registry.get("funcboot.invocation").timer();
		assertThat(timer.count()).isEqualTo(1);
	}

	private static InvocationPipeline pipeline(MeterRegistry registry,
			io.micrometer.core.instrument.observation.MeterObservationHandler<Observation.Context> handler) {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(handler);
		// the other observation of the run, made once per pipeline
		Observation.createNotStarted("other", observations).start().stop();
		return InvocationPipeline.builder().observationRegistry(observations).build();
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

	/** Every meter as name[tags] with its kind and count. */
	private static Map<String, String> meters(MeterRegistry registry) {
		return registry.getMeters().stream().collect(Collectors.toMap(
				(meter) -> meter.getId().getName() + meter.getId().getTags().stream()
					.map((tag) -> tag.getKey() + "=" + tag.getValue()).toList(),
				(meter) -> meter.getId().getType() + " " + count(meter)));
	}

	private static String count(Meter meter) {
		return (meter instanceof Timer timer) ? String.valueOf(timer.count()) : List.of().toString();
	}

}
