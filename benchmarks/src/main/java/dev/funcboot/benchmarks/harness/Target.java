package dev.funcboot.benchmarks.harness;

import java.util.Locale;

/**
 * A target on the ratio Funcboot / baseline. Only a ratio measured in the same run is judged,
 * never an absolute time, and a miss is reported, not thrown: benchmarks do not gate the build.
 * @param limit the bound of the ratio
 * @param atLeast whether the ratio must be at least the limit (throughput) or at most (latency)
 */
public record Target(double limit, boolean atLeast) {

	public static Target atLeast(double limit) {
		return new Target(limit, true);
	}

	public static Target atMost(double limit) {
		return new Target(limit, false);
	}

	public boolean isMet(double ratio) {
		return this.atLeast ? ratio >= this.limit : ratio <= this.limit;
	}

	/** {@code PASS} or {@code MISS}. */
	public String verdict(double ratio) {
		return isMet(ratio) ? "PASS" : "MISS";
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s %.2f", this.atLeast ? ">=" : "<=", this.limit);
	}

}
