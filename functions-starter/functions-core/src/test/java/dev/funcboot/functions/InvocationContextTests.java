package dev.funcboot.functions;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

class InvocationContextTests {

	@Test
	void ofStartsAFirstAttemptWithoutDeadline() {
		InvocationContext context = InvocationContext.of("inv-1", "orders", "queue", Map.of("dequeueCount", 1));
		assertThat(context.invocationId()).isEqualTo("inv-1");
		assertThat(context.functionName()).isEqualTo("orders");
		assertThat(context.trigger()).isEqualTo("queue");
		assertThat(context.triggerMetadata()).containsExactly(entry("dequeueCount", 1));
		assertThat(context.deadline()).isNull();
		assertThat(context.attempt()).isEqualTo(1);
	}

	@Test
	void missingMetadataBecomesAnEmptyMap() {
		assertThat(InvocationContext.of("inv-1", "orders", "http", null).triggerMetadata()).isNotNull().isEmpty();
	}

	@Test
	void withDeadlineAndWithAttemptKeepEverythingElse() {
		Instant deadline = Instant.parse("2025-01-15T10:05:00Z");
		InvocationContext context = InvocationContext.of("inv-1", "orders", "queue", Map.of("k", "v"))
			.withDeadline(deadline)
			.withAttempt(3);
		assertThat(context).isEqualTo(new InvocationContext("inv-1", "orders", "queue", Map.of("k", "v"), deadline, 3));
		assertThat(context.withDeadline(null).deadline()).isNull();
		assertThat(context.withDeadline(null).attempt()).isEqualTo(3);
	}

	@Test
	void attemptStartsAtOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvocationContext.of("inv-1", "orders", "queue", null).withAttempt(0))
			.withMessage("attempt must be >= 1, was 0");
	}

	@Test
	void identityIsRequired() {
		assertThatNullPointerException().isThrownBy(() -> InvocationContext.of(null, "orders", "http", null))
			.withMessage("invocationId");
		assertThatNullPointerException().isThrownBy(() -> InvocationContext.of("inv-1", null, "http", null))
			.withMessage("functionName");
		assertThatNullPointerException().isThrownBy(() -> InvocationContext.of("inv-1", "orders", null, null))
			.withMessage("trigger");
	}

	@Test
	void inputConversionExceptionIsPoisonAndNamesTheField() {
		IllegalStateException cause = new IllegalStateException("parse");
		InputConversionException ex = new InputConversionException("items[0].quantity", "must be a number", cause);
		assertThat(ex).isInstanceOf(PoisonMessageException.class).hasMessage("must be a number").hasCause(cause);
		assertThat(ex.getField()).isEqualTo("items[0].quantity");
	}

}
