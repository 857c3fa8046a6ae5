package dev.funcboot.benchmarks.harness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PercentilesTests {

	private static final long[] ONE_TO_HUNDRED = new long[100];

	static {
		for (int i = 0; i < 100; i++) {
			ONE_TO_HUNDRED[i] = i + 1;
		}
	}

	@Test
	void nearestRankOverHundredSamples() {
		assertThat(Percentiles.of(ONE_TO_HUNDRED, 50)).isEqualTo(50);
		assertThat(Percentiles.of(ONE_TO_HUNDRED, 99)).isEqualTo(99);
		assertThat(Percentiles.of(ONE_TO_HUNDRED, 99.9)).isEqualTo(100);
		assertThat(Percentiles.of(ONE_TO_HUNDRED, 100)).isEqualTo(100);
		assertThat(Percentiles.of(ONE_TO_HUNDRED, 0.1)).isEqualTo(1);
	}

	@Test
	void p99OfFewSamplesIsTheMaximum() {
		assertThat(Percentiles.of(new long[] { 3, 5, 9 }, 99)).isEqualTo(9);
		assertThat(Percentiles.of(new long[] { 4 }, 50)).isEqualTo(4);
	}

	@Test
	void rejectsNoSamplesAndOutOfRangePercentiles() {
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(new long[0], 50));
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(ONE_TO_HUNDRED, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(ONE_TO_HUNDRED, 100.5));
	}

	@Test
	void medianOfOddAndEvenCountsIgnoresOrder() {
		assertThat(Percentiles.median(new double[] { 9, 1, 5 })).isEqualTo(5);
		assertThat(Percentiles.median(new double[] { 4, 1, 3, 2 })).isEqualTo(2.5);
	}

	@Test
	void mergedSamplesAreSortedTogether() {
		LatencySamples a = new LatencySamples(16);
		LatencySamples b = new LatencySamples(16);
		for (int i = 0; i < 40; i++) {
			a.add(100 - i);
			b.add(i);
		}
		a.addAll(b);
		long[] sorted = a.sorted();
		assertThat(a.size()).isEqualTo(80);
		assertThat(sorted[0]).isZero();
		assertThat(sorted[79]).isEqualTo(100);
		assertThat(sorted).isSorted();
	}

	@Test
	void targetsJudgeTheRatioInTheirDirection() {
		assertThat(Target.atLeast(0.90).verdict(0.95)).isEqualTo("PASS");
		assertThat(Target.atLeast(0.90).verdict(0.85)).isEqualTo("MISS");
		assertThat(Target.atMost(1.15).verdict(1.15)).isEqualTo("PASS");
		assertThat(Target.atMost(1.15).verdict(1.2)).isEqualTo("MISS");
		assertThat(Target.atMost(1.10)).hasToString("<= 1.10");
	}

}
