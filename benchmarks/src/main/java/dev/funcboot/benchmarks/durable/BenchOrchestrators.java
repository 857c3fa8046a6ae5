package dev.funcboot.benchmarks.durable;

import java.util.ArrayList;
import java.util.List;

import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.OrchestratorRegistration;
import dev.funcboot.durable.Task;
import dev.funcboot.durable.runtime.ActivityInvoker;

/** The orchestrations of the scenarios, and their activity: a no-op that echoes its input. */
final class BenchOrchestrators {

	static final String SEQUENCE = "sequence";

	static final String FAN_OUT = "fanOut";

	static final String EVENTS = "externalEvents";

	static final String HELLO_CITIES = "helloCities5";

	static final String EVENT_NAME = "next";

	static final List<String> CITIES = List.of("Tokyo", "Seattle", "London", "Amsterdam", "Cairo");

	/** Returns the input text as the result: no decoding, no work. */
	static final ActivityInvoker NO_OP = (name, input) -> input;

	private BenchOrchestrators() {
	}

	static OrchestratorCatalog catalog() {
		return OrchestratorCatalog.of(List.of(
				// N activities one after another
				OrchestratorRegistration.of(SEQUENCE, (ctx, input) -> {
					int count = ((Number) input).intValue();
					for (int i = 0; i < count; i++) {
						ctx.callActivity("noop", i, Integer.class).await();
					}
					return count;
				}),
				// N activities at once, then all results
				OrchestratorRegistration.of(FAN_OUT, (ctx, input) -> {
					int count = ((Number) input).intValue();
					List<Task<Integer>> calls = new ArrayList<>(count);
					for (int i = 0; i < count; i++) {
						calls.add(ctx.callActivity("noop", i, Integer.class));
					}
					return ctx.allOf(calls).await().size();
				}),
				// N external events, awaited one after another
				OrchestratorRegistration.of(EVENTS, (ctx, input) -> {
					int count = ((Number) input).intValue();
					for (int i = 0; i < count; i++) {
						ctx.waitForExternalEvent(EVENT_NAME, Integer.class).await();
					}
					return count;
				}),
				// the Durable Functions sample: five greetings in sequence
				OrchestratorRegistration.of(HELLO_CITIES, (ctx, input) -> {
					List<String> greetings = new ArrayList<>(CITIES.size());
					for (String city : CITIES) {
						greetings.add(ctx.callActivity("SayHello", city, String.class).await());
					}
					return greetings;
				})));
	}

}
