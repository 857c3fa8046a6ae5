package dev.funcboot.benchmarks.durable;

import java.util.Locale;

/**
 * The figures of the durable benchmark, each with the figure Microsoft publishes for Durable
 * Functions and our target on this machine (when there is one). Throughput targets are floors.
 *
 * <ul>
 * <li>Per-instance targets of Durable Functions on the Azure Storage provider ("Performance and
 * scale in Durable Functions", performance targets): sequential activities 5/s, parallel
 * activities 100/s, parallel responses 150/s, external events 50/s. Our target: 10 times as
 * much.</li>
 * <li>HelloCities5 (many orchestrations of 5 sequential activities; one call counts as two
 * history events): Netherite published 1,708 events/s on a 2-core Elastic Premium EP2, the Azure
 * Storage provider 445 events/s. Our target: 1,000 events/s (stretch: Netherite's 1,708).</li>
 * </ul>
 */
enum DurableMetric {

	SEQUENTIAL("sequential activities", "seq", "act/s", 5, "DF target", 50),

	PARALLEL_ACTIVITIES("parallel activities", "fan-out", "act/s", 100, "DF target", 1000),

	PARALLEL_RESPONSES("parallel responses", "fan-in", "resp/s", 150, "DF target", 1500),

	EXTERNAL_EVENTS("external events", "external", "events/s", 50, "DF target", 500),

	HELLO_CITIES("HelloCities5", "hello5", "events/s", 1708, "Netherite EP2", 1000),

	ROUND_TRIP_P50("activity round trip p50", "round trip p50", "ms", Double.NaN, null, Double.NaN),

	ROUND_TRIP_P99("activity round trip p99", "round trip p99", "ms", Double.NaN, null, Double.NaN);

	/** What the Azure Storage provider published for HelloCities5, shown next to Netherite's. */
	static final double HELLO_CITIES_AZURE_STORAGE = 445;

	private final String label;

	private final String tag;

	private final String unit;

	private final double published;

	private final String source;

	private final double target;

	DurableMetric(String label, String tag, String unit, double published, String source, double target) {
		this.label = label;
		this.tag = tag;
		this.unit = unit;
		this.published = published;
		this.source = source;
		this.target = target;
	}

	String label() {
		return this.label;
	}

	/** A short name for one-line output: {@code seq}. */
	String tag() {
		return this.tag;
	}

	/** The short name with its unit, for the final table of {@code run.sh}: {@code seq act/s}. */
	String shortLabel() {
		return this.tag + " " + this.unit;
	}

	String unit() {
		return this.unit;
	}

	/** The published Durable Functions figure, NaN when there is none. */
	double published() {
		return this.published;
	}

	String source() {
		return this.source;
	}

	boolean hasTarget() {
		return !Double.isNaN(this.target);
	}

	/** The floor the measured figure must reach. */
	double target() {
		return this.target;
	}

	/** Measured / published; NaN without a published figure. */
	double ratio(double measured) {
		return measured / this.published;
	}

	/** {@code PASS}, {@code MISS}, or {@code info} for a figure without target. */
	String verdict(double measured) {
		if (!hasTarget()) {
			return "info";
		}
		return (measured >= this.target) ? "PASS" : "MISS";
	}

	/** The target as text, {@code >= 50/s}. */
	String targetText() {
		return hasTarget() ? String.format(Locale.ROOT, ">= %.0f/s", this.target) : "-";
	}

}
