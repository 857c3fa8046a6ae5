package dev.funcboot.functions.pipeline;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class FunctionPolicyTests {

	@Test
	void defaultHasFiveMinuteTimeoutNoRetriesAndNoConcurrencyLimit() {
		assertThat(FunctionPolicy.DEFAULT.timeout()).isEqualTo(Duration.ofMinutes(5))
			.isEqualTo(FunctionPolicy.DEFAULT_TIMEOUT);
		assertThat(FunctionPolicy.DEFAULT.retry()).isSameAs(RetryPolicy.NONE);
		assertThat(FunctionPolicy.DEFAULT.maxConcurrency()).isZero().isEqualTo(FunctionPolicy.DEFAULT_MAX_CONCURRENCY);
	}

	@Test
	void timeoutMayBeAbsent() {
		assertThat(new FunctionPolicy(null, RetryPolicy.NONE, 0).timeout()).isNull();
	}

	@Test
	void zeroOrNegativeTimeoutIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FunctionPolicy(Duration.ZERO, RetryPolicy.NONE, 0))
			.withMessage("timeout must be positive, was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FunctionPolicy(Duration.ofSeconds(-1), RetryPolicy.NONE, 0))
			.withMessageContaining("timeout must be positive");
	}

	@Test
	void negativeMaxConcurrencyIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FunctionPolicy(Duration.ofSeconds(1), RetryPolicy.NONE, -1))
			.withMessage("maxConcurrency must be >= 0 (0 = unlimited), was -1");
	}

	@Test
	void retryPolicyIsRequired() {
		assertThatNullPointerException().isThrownBy(() -> new FunctionPolicy(Duration.ofSeconds(1), null, 0))
			.withMessage("retry");
	}

	@Test
	void keepsItsValues() {
		RetryPolicy retry = RetryPolicy.fixedDelay(3, Duration.ofSeconds(2));
		FunctionPolicy policy = new FunctionPolicy(Duration.ofSeconds(30), retry, 4);
		assertThat(policy.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(policy.retry()).isSameAs(retry);
		assertThat(policy.maxConcurrency()).isEqualTo(4);
	}

}
