package dev.funcboot.durable.internal.replay;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static dev.funcboot.durable.internal.replay.StepDriver.orchestrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The replay half of the executor tests must be able to fail. */
class ReplayAssertionsTests {

	@Test
	void anOrchestratorThatBreaksTheDeterminismRulesFailsTheReplayAssertion() {
		AtomicInteger runs = new AtomicInteger(); // state outside the history, like Random or a clock
		StepDriver driver = StepDriver.of(orchestrator("random", String.class, (context, in) -> {
			String first = context.callActivity("echo", "run " + runs.incrementAndGet(), String.class).await();
			return context.callActivity("echo", first, String.class).await();
		})).activity("echo", (s) -> s);

		StepDriver.Instance instance = driver.start("random", "i-1", "x");
		assertThat(instance.output()).isEqualTo("\"run 1\"");

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ReplayAssertions.assertReplays(driver.executor(), instance))
			.withMessageContaining("step 1 executed again")
			.withMessageContaining("run 4"); // runs 1-3 were the live steps
	}

}
