package dev.funcboot.benchmarks.durable;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.benchmarks.harness.Percentiles;

/** The measured runs of one store, figure by figure, and their medians. */
final class StoreResults {

	private final String store;

	private final Map<DurableMetric, List<Double>> runs = new EnumMap<>(DurableMetric.class);

	StoreResults(String store) {
		this.store = store;
	}

	String store() {
		return this.store;
	}

	void add(Map<DurableMetric, Double> figures) {
		figures.forEach((metric, value) -> this.runs.computeIfAbsent(metric, (m) -> new ArrayList<>()).add(value));
	}

	boolean has(DurableMetric metric) {
		return this.runs.containsKey(metric);
	}

	List<Double> runs(DurableMetric metric) {
		return this.runs.getOrDefault(metric, List.of());
	}

	/**
	 * The median of the runs that have a value (NaN marks a run where the figure could not be
	 * measured, e.g. every fan-in result consumed in one step); NaN when none has.
	 */
	double median(DurableMetric metric) {
		double[] values = runs(metric).stream().mapToDouble(Double::doubleValue).filter((v) -> !Double.isNaN(v))
			.toArray();
		return (values.length == 0) ? Double.NaN : Percentiles.median(values);
	}

}
