package dev.funcboot.benchmarks.startup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StartupBenchmarkTests {

	@Test
	void spreadIsRangeOverMedian() {
		assertThat(StartupBenchmark.spread(new double[] { 3000, 3300, 3150 })).isCloseTo(0.0952, within(0.001));
		assertThat(StartupBenchmark.spread(new double[] { 5000 })).isZero();
	}

	@Test
	void childJavaOptionsSplitOnWhitespace() {
		assertThat(StartupBenchmark.split("  -Xmx256m   -XX:TieredStopAtLevel=1 ")).containsExactly("-Xmx256m",
				"-XX:TieredStopAtLevel=1");
		assertThat(StartupBenchmark.split("")).isEmpty();
	}

}
