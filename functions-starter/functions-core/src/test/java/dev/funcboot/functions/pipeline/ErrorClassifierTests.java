package dev.funcboot.functions.pipeline;

import java.time.Duration;

import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.PoisonMessageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ErrorClassifierTests {

	private final ErrorClassifier classifier = ErrorClassifier.DEFAULT;

	@Test
	void poisonMessageExceptionIsPoison() {
		assertThat(this.classifier.isPoison(new PoisonMessageException("bad"))).isTrue();
	}

	@Test
	void subclassOfPoisonMessageExceptionIsPoison() {
		assertThat(this.classifier.isPoison(new InputConversionException("id", "not a number", null))).isTrue();
	}

	@Test
	void poisonAnywhereInTheCauseChainIsPoison() {
		Throwable nested = new RuntimeException("a",
				new IllegalStateException("b", new RuntimeException("c", new PoisonMessageException("bad"))));
		assertThat(this.classifier.isPoison(nested)).isTrue();
	}

	@Test
	void otherErrorsAreNotPoison() {
		assertThat(this.classifier.isPoison(new IllegalStateException("transient"))).isFalse();
		assertThat(this.classifier.isPoison(new RuntimeException("a", new IllegalStateException("b")))).isFalse();
		assertThat(this.classifier.isPoison(new OutOfMemoryError())).isFalse();
	}

	@Test
	void causeCycleTerminates() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second");
		first.initCause(second);
		second.initCause(first);
		boolean poison = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> this.classifier.isPoison(first));
		assertThat(poison).isFalse();
	}

	@Test
	void poisonInsideACauseCycleIsFound() {
		RuntimeException first = new RuntimeException("first");
		PoisonMessageException poison = new PoisonMessageException("bad");
		first.initCause(poison);
		poison.initCause(first);
		assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> this.classifier.isPoison(first))).isTrue();
	}

}
