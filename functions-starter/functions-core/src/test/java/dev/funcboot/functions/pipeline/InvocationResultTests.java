package dev.funcboot.functions.pipeline;

import dev.funcboot.functions.InvocationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationResultTests {

	private final InvocationContext context = InvocationContext.of("inv-1", "orders", "queue", null);

	@Test
	void reasonWithoutErrorIsTheOutcomeTag() {
		assertThat(new InvocationResult(this.context, InvocationOutcome.SUCCESS, "v", null, 1, false).reason())
			.isEqualTo("success");
	}

	@Test
	void reasonNamesTheErrorTypeAndMessage() {
		InvocationResult result = new InvocationResult(this.context, InvocationOutcome.FAILURE, null,
				new IllegalStateException("database down"), 1, false);
		assertThat(result.reason()).isEqualTo("java.lang.IllegalStateException: database down");
		assertThat(result.isSuccess()).isFalse();
	}

	@Test
	void reasonForAnErrorWithoutMessageIsTheType() {
		InvocationResult result = new InvocationResult(this.context, InvocationOutcome.FAILURE, null,
				new IllegalStateException(), 1, false);
		assertThat(result.reason()).isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void reasonSaysWhenRetriesAreExhausted() {
		InvocationResult result = new InvocationResult(this.context, InvocationOutcome.POISON, null,
				new IllegalStateException("boom"), 5, true);
		assertThat(result.reason()).isEqualTo("retries exhausted after 5 attempts: java.lang.IllegalStateException: boom");
	}

}
