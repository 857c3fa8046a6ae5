package dev.funcboot.trigger.blob;

import java.time.Duration;

import dev.funcboot.functions.binding.BlobOptions;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlobRetriesTests {

	private static final BlobOptions OPTIONS = new BlobOptions(Duration.ofSeconds(5), 3, 16, Duration.ofSeconds(30));

	@Test
	void withoutARetryPolicyThePoisonThresholdCountsAndRetriesComeOnTheNextScan() {
		BlobRetries retries = BlobRetries.of(new FunctionPolicy(null, RetryPolicy.NONE, 0), OPTIONS);
		assertThat(retries.maxAttempts()).isEqualTo(3);
		assertThat(retries.allowsAttemptAfter(2)).isTrue();
		assertThat(retries.allowsAttemptAfter(3)).isFalse();
		assertThat(retries.delayAfter(1)).isZero();
	}

	@Test
	void aRetryPolicyGivesItsAttemptsAndDelays() {
		RetryPolicy policy = RetryPolicy.exponentialBackoff(4, Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0);
		BlobRetries retries = BlobRetries.of(new FunctionPolicy(null, policy, 0), OPTIONS);
		assertThat(retries.maxAttempts()).isEqualTo(4);
		assertThat(retries.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(retries.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(retries.allowsAttemptAfter(3)).isTrue();
		assertThat(retries.allowsAttemptAfter(4)).isFalse();
	}

}
