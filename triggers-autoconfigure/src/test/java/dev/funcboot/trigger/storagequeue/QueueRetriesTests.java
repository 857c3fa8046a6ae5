package dev.funcboot.trigger.storagequeue;

import java.time.Duration;

import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueRetriesTests {

	private final QueueOptions options = new QueueOptions(16, 4, Duration.ofSeconds(30), Duration.ofMinutes(1),
			Duration.ofMillis(100), Duration.ofMinutes(1), QueueOptions.MessageEncoding.BASE64);

	@Test
	void withoutARetryPolicyTheQueueSettingsCountAsInAzureFunctions() {
		QueueRetries retries = QueueRetries.of(FunctionPolicy.DEFAULT, this.options);
		assertThat(retries.maxAttempts()).isEqualTo(4);
		assertThat(retries.allowsAttemptAfter(3)).isTrue();
		assertThat(retries.allowsAttemptAfter(4)).isFalse();
		assertThat(retries.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(retries.delayAfter(3)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aFixedDelayPolicyReplacesThem() {
		QueueRetries retries = QueueRetries.of(policy(RetryPolicy.fixedDelay(7, Duration.ofSeconds(2))), this.options);
		assertThat(retries.maxAttempts()).isEqualTo(7);
		assertThat(retries.allowsAttemptAfter(6)).isTrue();
		assertThat(retries.allowsAttemptAfter(7)).isFalse();
		assertThat(retries.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void anExponentialPolicyGrowsTheInvisibilityPerAttempt() {
		QueueRetries retries = QueueRetries.of(
				policy(RetryPolicy.exponentialBackoff(5, Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0)),
				this.options);
		assertThat(retries.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(retries.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(retries.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(retries.delayAfter(5)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void neverAsksForMoreInvisibilityThanTheServiceAllows() {
		QueueRetries retries = QueueRetries.of(policy(RetryPolicy.fixedDelay(3, Duration.ofDays(30))), this.options);
		assertThat(retries.delayAfter(1)).isEqualTo(QueueOptions.MAX_VISIBILITY);
	}

	private static FunctionPolicy policy(RetryPolicy retry) {
		return new FunctionPolicy(FunctionPolicy.DEFAULT_TIMEOUT, retry, 0);
	}

}
