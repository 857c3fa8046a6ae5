package dev.funcboot.benchmarks.durable;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.funcboot.benchmarks.harness.ResultsFile;

/** The durable benchmark's output: a line per round, a table per store, a summary, results rows. */
final class DurableReport {

	private DurableReport() {
	}

	/** One round's figures on one line. */
	static String roundLine(String label, Map<DurableMetric, Double> figures, long nanos) {
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-9s", label));
		String separator = " ";
		for (DurableMetric metric : DurableMetric.values()) {
			Double value = figures.get(metric);
			if (value != null) {
				line.append(separator).append(metric.tag()).append(' ').append(format(value)).append(' ')
					.append(metric.unit());
				separator = " | ";
			}
		}
		return line.append(String.format(Locale.ROOT, "  (%.1f s)", nanos / 1e9)).toString();
	}

	private static final String ROW = "%-24s %-8s %9s  %-34s %9s %7s  %-10s %-7s %9s%n";

	/** The table of one store: medians, published figures, ratios, verdicts, and the ratio to memory. */
	static void printStore(PrintStream out, StoreResults results, StoreResults memory) {
		out.println();
		out.printf(Locale.ROOT, ROW, "store " + results.store(), "unit", "median", "runs", "published", "ratio",
				"target", "verdict", "vs memory");
		for (DurableMetric metric : DurableMetric.values()) {
			if (!results.has(metric)) {
				continue;
			}
			double median = results.median(metric);
			String runs = results.runs(metric).stream().map(DurableReport::format).collect(Collectors.joining(" "));
			String vsMemory = (memory != null && memory.has(metric))
					? String.format(Locale.ROOT, "%.3g", median / memory.median(metric)) : "-";
			out.printf(Locale.ROOT, ROW, metric.label(), metric.unit(), format(median), runs, published(metric),
					ratio(metric.ratio(median)), metric.targetText(), verdict(metric, median), vsMemory);
		}
		out.println("published: Durable Functions per-instance targets (Azure Storage provider); HelloCities5:"
				+ " Netherite, 2-core EP2. ratio = median / published; vs memory = median / in-memory median");
		if (results.has(DurableMetric.HELLO_CITIES)) {
			double hello = results.median(DurableMetric.HELLO_CITIES);
			out.printf(Locale.ROOT,
					"HelloCities5: %s Netherite's 1,708 events/s (stretch target: %s), %s the Azure Storage provider's"
							+ " %.0f%n",
					ratio(DurableMetric.HELLO_CITIES.ratio(hello)),
					(hello >= DurableMetric.HELLO_CITIES.published()) ? "reached" : "not reached",
					ratio(hello / DurableMetric.HELLO_CITIES_AZURE_STORAGE), DurableMetric.HELLO_CITIES_AZURE_STORAGE);
		}
	}

	/** The medians of every store side by side. */
	static void printSummary(PrintStream out, List<StoreResults> stores) {
		out.println();
		out.println("== Durable summary: medians per store ==");
		StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-24s %-8s", "metric", "unit"));
		for (StoreResults store : stores) {
			header.append(String.format(Locale.ROOT, " %10s", store.store()));
		}
		out.println(header.append(String.format(Locale.ROOT, " %10s  %-10s", "published", "target")));
		for (DurableMetric metric : DurableMetric.values()) {
			StringBuilder line = new StringBuilder(
					String.format(Locale.ROOT, "%-24s %-8s", metric.label(), metric.unit()));
			for (StoreResults store : stores) {
				String value = "-";
				if (store.has(metric)) {
					double median = store.median(metric);
					value = format(median) + (verdict(metric, median).equals("MISS") ? "!" : " ");
				}
				line.append(String.format(Locale.ROOT, " %10s", value));
			}
			out.println(line.append(String.format(Locale.ROOT, " %10s  %-10s", published(metric),
					metric.targetText())));
		}
		out.println("(! = below target)");
	}

	/** One row per store and figure for {@code run.sh}'s final table; the baseline is the published figure. */
	static void writeResults(ResultsFile results, List<StoreResults> stores) {
		for (StoreResults store : stores) {
			for (DurableMetric metric : DurableMetric.values()) {
				if (store.has(metric)) {
					double median = store.median(metric);
					results.add("durable " + store.store() + " " + metric.shortLabel(), format(median),
							published(metric), ratio(metric.ratio(median)), metric.targetText(),
							verdict(metric, median));
				}
			}
		}
	}

	static String verdict(DurableMetric metric, double median) {
		return Double.isNaN(median) ? "n/a" : metric.verdict(median);
	}

	private static String published(DurableMetric metric) {
		return Double.isNaN(metric.published()) ? "-" : String.format(Locale.ROOT, "%,.0f", metric.published());
	}

	/** Rates as whole numbers with thousands separators, small figures (milliseconds) with decimals. */
	static String format(Double value) {
		if (value == null || value.isNaN()) {
			return "n/a";
		}
		if (value.isInfinite()) {
			return "inf";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (Math.abs(value) >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/** {@code 12x}, {@code 1.31x}; {@code -} without a published figure. */
	static String ratio(double ratio) {
		if (Double.isNaN(ratio)) {
			return "-";
		}
		return String.format(Locale.ROOT, (ratio >= 10) ? "%.0fx" : "%.2fx", ratio);
	}

}
