package dev.funcboot.benchmarks.harness;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArgsTests {

	@Test
	void readsBothOptionFormsAndFallsBack() {
		Args args = new Args(new String[] { "--rounds", "4", "--duration=2.5s", "--keyed", "false" });
		assertThat(args.integer("rounds", 3)).isEqualTo(4);
		assertThat(args.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofMillis(2500));
		assertThat(args.bool("keyed", true)).isFalse();
		assertThat(args.integer("connections", 16)).isEqualTo(16);
	}

	@Test
	void parsesDurationUnits() {
		assertThat(Args.parseDuration("d", "500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Args.parseDuration("d", "10s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(Args.parseDuration("d", "2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Args.parseDuration("d", "3")).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void badValuesNameTheOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> Args.parseDuration("warmup", "soon"))
			.withMessageContaining("--warmup");
		assertThatIllegalArgumentException().isThrownBy(() -> new Args(new String[] { "--runs" }))
			.withMessageContaining("--runs");
	}

}
