package dev.funcboot.benchmarks.harness;

import java.util.Arrays;

/** Nearest-rank percentiles and medians over recorded samples. */
public final class Percentiles {

	private Percentiles() {
	}

	/**
	 * The nearest-rank percentile of sorted samples: the smallest sample such that at least
	 * {@code p} percent of the samples are less than or equal to it.
	 * @param sorted samples in ascending order, not empty
	 * @param p percentile in (0, 100]
	 */
	public static long of(long[] sorted, double p) {
		if (sorted.length == 0) {
			throw new IllegalArgumentException("No samples");
		}
		if (!(p > 0 && p <= 100)) {
			throw new IllegalArgumentException("Percentile must be in (0, 100], was " + p);
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	/** The median; the mean of the two middle values for an even count. */
	public static double median(double[] values) {
		if (values.length == 0) {
			throw new IllegalArgumentException("No values");
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
	}

}
