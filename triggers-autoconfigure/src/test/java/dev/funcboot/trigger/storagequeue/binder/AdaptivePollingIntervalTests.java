package dev.funcboot.trigger.storagequeue.binder;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdaptivePollingIntervalTests {

	private final AdaptivePollingInterval polling = new AdaptivePollingInterval(Duration.ofMillis(100),
			Duration.ofSeconds(1));

	@Test
	void pollsAgainAtOnceWhileMessagesArrive() {
		assertThat(this.polling.current()).isZero();
		assertThat(this.polling.afterMessages()).isZero();
		assertThat(this.polling.afterMessages()).isZero();
	}

	@Test
	void backsOffByDoublingUpToTheMaximumWhileIdle() {
		assertThat(this.polling.afterEmpty()).isEqualTo(Duration.ofMillis(100));
		assertThat(this.polling.afterEmpty()).isEqualTo(Duration.ofMillis(200));
		assertThat(this.polling.afterEmpty()).isEqualTo(Duration.ofMillis(400));
		assertThat(this.polling.afterEmpty()).isEqualTo(Duration.ofMillis(800));
		assertThat(this.polling.afterEmpty()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.polling.afterEmpty()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.polling.current()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void oneBusyPollMakesItFastAgain() {
		this.polling.afterEmpty();
		this.polling.afterEmpty();
		assertThat(this.polling.afterMessages()).isZero();
		assertThat(this.polling.afterEmpty()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void equalMinimumAndMaximumMeanAFixedInterval() {
		AdaptivePollingInterval fixed = new AdaptivePollingInterval(Duration.ofSeconds(2), Duration.ofSeconds(2));
		assertThat(fixed.afterEmpty()).isEqualTo(Duration.ofSeconds(2));
		assertThat(fixed.afterEmpty()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void rejectsAZeroMinimumOrAMaximumBelowIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdaptivePollingInterval(Duration.ZERO, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdaptivePollingInterval(Duration.ofSeconds(2), Duration.ofSeconds(1)));
	}

}
