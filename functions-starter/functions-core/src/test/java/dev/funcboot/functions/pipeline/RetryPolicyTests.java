package dev.funcboot.functions.pipeline;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RetryPolicyTests {

	@Test
	void noneAllowsNoSecondAttempt() {
		assertThat(RetryPolicy.NONE.strategy()).isEqualTo(RetryPolicy.Strategy.NONE);
		assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
		assertThat(RetryPolicy.NONE.allowsAttemptAfter(1)).isFalse();
		assertThat(RetryPolicy.NONE.delayBefore(2)).isZero();
	}

	@Test
	void noneStrategyIgnoresAnyMaxAttempts() {
		RetryPolicy policy = new RetryPolicy(RetryPolicy.Strategy.NONE, 5, Duration.ofSeconds(1), null, 2.0);
		assertThat(policy.maxAttempts()).isEqualTo(1);
		assertThat(policy.allowsAttemptAfter(1)).isFalse();
		assertThat(policy.delayBefore(2)).isZero();
	}

	@Test
	void fixedDelayAllowsAttemptsUpToMaxAttempts() {
		RetryPolicy policy = RetryPolicy.fixedDelay(3, Duration.ofSeconds(5));
		assertThat(policy.strategy()).isEqualTo(RetryPolicy.Strategy.FIXED_DELAY);
		assertThat(policy.allowsAttemptAfter(1)).isTrue();
		assertThat(policy.allowsAttemptAfter(2)).isTrue();
		assertThat(policy.allowsAttemptAfter(3)).isFalse();
		assertThat(policy.allowsAttemptAfter(4)).isFalse();
	}

	@Test
	void fixedDelayWaitsTheSameBeforeEveryRetry() {
		RetryPolicy policy = RetryPolicy.fixedDelay(4, Duration.ofSeconds(5));
		assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(5));
		assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(5));
		assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(5));
		assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void noDelayBeforeTheFirstAttempt() {
		assertThat(RetryPolicy.fixedDelay(3, Duration.ofSeconds(5)).delayBefore(1)).isZero();
		assertThat(RetryPolicy.exponentialBackoff(3, Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0).delayBefore(1))
			.isZero();
	}

	@Test
	void missingDelaysTakeTheDefaults() {
		RetryPolicy fixed = RetryPolicy.fixedDelay(3, null);
		assertThat(fixed.delay()).isEqualTo(RetryPolicy.DEFAULT_DELAY);
		assertThat(fixed.delayBefore(2)).isEqualTo(RetryPolicy.DEFAULT_DELAY);
		RetryPolicy exponential = RetryPolicy.exponentialBackoff(3, null, null, RetryPolicy.DEFAULT_MULTIPLIER);
		assertThat(exponential.delay()).isEqualTo(RetryPolicy.DEFAULT_DELAY);
		assertThat(exponential.maxDelay()).isEqualTo(RetryPolicy.DEFAULT_MAX_DELAY);
	}

	@Test
	void exponentialBackoffMultipliesTheDelayUpToTheMaximum() {
		RetryPolicy policy = RetryPolicy.exponentialBackoff(10, Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0);
		assertThat(policy.strategy()).isEqualTo(RetryPolicy.Strategy.EXPONENTIAL_BACKOFF);
		assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(2));
		assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(4));
		assertThat(policy.delayBefore(5)).isEqualTo(Duration.ofSeconds(8));
		assertThat(policy.delayBefore(6)).isEqualTo(Duration.ofSeconds(10));
		assertThat(policy.delayBefore(7)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void exponentialBackoffWithAFractionalMultiplier() {
		RetryPolicy policy = RetryPolicy.exponentialBackoff(6, Duration.ofMillis(200), Duration.ofSeconds(1), 1.5);
		assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofMillis(300));
		assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofMillis(450));
		assertThat(policy.delayBefore(5)).isEqualTo(Duration.ofMillis(675));
		assertThat(policy.delayBefore(6)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void exponentialBackoffStaysCappedForVeryLateAttempts() {
		RetryPolicy policy = RetryPolicy.exponentialBackoff(Integer.MAX_VALUE, Duration.ofSeconds(1),
				Duration.ofMinutes(5), 10.0);
		assertThat(policy.delayBefore(100)).isEqualTo(Duration.ofMinutes(5));
		// 10^5000 is infinite as a double
		assertThat(policy.delayBefore(5000)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void multiplierOfOneKeepsTheDelayConstant() {
		RetryPolicy policy = RetryPolicy.exponentialBackoff(5, Duration.ofSeconds(3), Duration.ofMinutes(1), 1.0);
		assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(3));
		assertThat(policy.delayBefore(5)).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void maxAttemptsBelowOneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.fixedDelay(0, Duration.ofSeconds(1)))
			.withMessage("maxAttempts must be at least 1 (the first attempt), was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RetryPolicy.exponentialBackoff(-1, Duration.ofSeconds(1), Duration.ofSeconds(2), 2.0))
			.withMessageContaining("was -1");
	}

	@Test
	void negativeDelaysAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.fixedDelay(3, Duration.ofSeconds(-1)))
			.withMessageContaining("must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RetryPolicy.exponentialBackoff(3, Duration.ofSeconds(1), Duration.ofSeconds(-2), 2.0))
			.withMessageContaining("must not be negative");
	}

	@Test
	void multiplierBelowOneIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RetryPolicy.exponentialBackoff(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5))
			.withMessage("multiplier must be >= 1.0, was 0.5");
	}

	@Test
	void strategyIsRequired() {
		assertThatNullPointerException()
			.isThrownBy(() -> new RetryPolicy(null, 3, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0))
			.withMessage("strategy");
	}

}
