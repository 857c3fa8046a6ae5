package dev.funcboot.functions.pipeline;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationOutcomeTests {

	@Test
	void tagsAreLowerCaseNames() {
		assertThat(Arrays.stream(InvocationOutcome.values()).map(InvocationOutcome::tag))
			.containsExactly("success", "failure", "poison", "timeout", "rejected");
	}

	@Test
	void failureTimeoutAndRejectionAreRetryable() {
		assertThat(InvocationOutcome.FAILURE.isRetryable()).isTrue();
		assertThat(InvocationOutcome.TIMEOUT.isRetryable()).isTrue();
		assertThat(InvocationOutcome.REJECTED.isRetryable()).isTrue();
	}

	@Test
	void successAndPoisonAreNotRetryable() {
		assertThat(InvocationOutcome.SUCCESS.isRetryable()).isFalse();
		assertThat(InvocationOutcome.POISON.isRetryable()).isFalse();
	}

}
