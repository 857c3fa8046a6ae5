package dev.funcboot.benchmarks.durable;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurableReportTests {

	@Test
	void targetsAreFloorsOnTheMeasuredFigure() {
		assertThat(DurableMetric.SEQUENTIAL.verdict(50)).isEqualTo("PASS");
		assertThat(DurableMetric.SEQUENTIAL.verdict(49.9)).isEqualTo("MISS");
		assertThat(DurableMetric.HELLO_CITIES.verdict(1000)).isEqualTo("PASS");
		assertThat(DurableMetric.ROUND_TRIP_P99.verdict(3)).isEqualTo("info");
		assertThat(DurableReport.verdict(DurableMetric.PARALLEL_RESPONSES, Double.NaN)).isEqualTo("n/a");
	}

	@Test
	void perInstanceTargetsAreTenTimesThePublishedFigures() {
		for (DurableMetric metric : new DurableMetric[] { DurableMetric.SEQUENTIAL, DurableMetric.PARALLEL_ACTIVITIES,
				DurableMetric.PARALLEL_RESPONSES, DurableMetric.EXTERNAL_EVENTS }) {
			assertThat(metric.target()).as(metric.label()).isEqualTo(10 * metric.published());
		}
	}

	@Test
	void figuresAndRatiosAreShortAndReadable() {
		assertThat(DurableReport.format(1234.6)).isEqualTo("1,235");
		assertThat(DurableReport.format(12.34)).isEqualTo("12.3");
		assertThat(DurableReport.format(0.456)).isEqualTo("0.46");
		assertThat(DurableReport.format(Double.NaN)).isEqualTo("n/a");
		assertThat(DurableReport.ratio(DurableMetric.SEQUENTIAL.ratio(312))).isEqualTo("62x");
		assertThat(DurableReport.ratio(DurableMetric.HELLO_CITIES.ratio(1708 * 1.31))).isEqualTo("1.31x");
		assertThat(DurableReport.ratio(DurableMetric.ROUND_TRIP_P50.ratio(1))).isEqualTo("-");
	}

	@Test
	void roundLineShowsOnlyTheFiguresMeasured() {
		String line = DurableReport.roundLine("run 1",
				Map.of(DurableMetric.SEQUENTIAL, 312.4, DurableMetric.ROUND_TRIP_P50, 1.234), 2_500_000_000L);
		assertThat(line).contains("seq 312 act/s | round trip p50 1.23 ms").contains("(2.5 s)")
			.doesNotContain("fan-out");
	}

	@Test
	void medianSkipsRunsWithoutAFigure() {
		StoreResults results = new StoreResults("h2");
		results.add(Map.of(DurableMetric.PARALLEL_RESPONSES, 100.0));
		results.add(Map.of(DurableMetric.PARALLEL_RESPONSES, Double.NaN));
		results.add(Map.of(DurableMetric.PARALLEL_RESPONSES, 300.0));
		assertThat(results.median(DurableMetric.PARALLEL_RESPONSES)).isEqualTo(200.0);
		assertThat(results.runs(DurableMetric.PARALLEL_RESPONSES)).hasSize(3);
		assertThat(results.has(DurableMetric.SEQUENTIAL)).isFalse();
	}

}
