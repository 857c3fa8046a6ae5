package dev.funcboot.benchmarks.broker;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Funcboot side: one no-op function bean, bound to the broker by properties
 * ({@code funcboot.functions.noop.kafka|rabbit.destination}), so every message crosses the binder,
 * the invocation pipeline and Funcboot's settlement. It only counts, as the raw consumer does.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class NoopFunctionApp {

	/**
	 * Properties that keep the side to itself: no {@code application.yml} from the class path (the
	 * order-intake demo on it samples every trace and opens an H2 database), and no tracer (the
	 * demo brings OpenTelemetry onto the class path; Funcboot does not), since the raw consumer
	 * makes no spans either. Funcboot's observation and metrics stay on, as in any application.
	 */
	static final String[] ISOLATED = { "spring.config.name=funcboot-broker-benchmark",
			"spring.autoconfigure.exclude="
					+ "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration,"
					+ "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration,"
					+ "org.springframework.boot.actuate.autoconfigure.tracing.NoopTracerAutoConfiguration" };

	/** Messages taken, and when the first and the last were (nanoTime). */
	static final Clock CLOCK = new Clock();

	@Bean
	Consumer<String> noop() {
		return (message) -> CLOCK.tick();
	}

	/** Counts messages and remembers when the first and the latest arrived. */
	static final class Clock {

		final AtomicLong count = new AtomicLong();

		volatile long first;

		volatile long last;

		void reset() {
			this.count.set(0);
			this.first = 0;
			this.last = 0;
			this.gapNanos = 0;
			this.gaps = 0;
		}

		/** Time spent in gaps of more than a millisecond between two messages, and how many. */
		volatile long gapNanos;

		volatile long gaps;

		void tick() {
			long now = System.nanoTime();
			if (this.count.getAndIncrement() == 0) {
				this.first = now;
			}
			else if (now - this.last > 1_000_000) {
				this.gapNanos += now - this.last;
				this.gaps++;
			}
			this.last = now;
		}

		String gaps() {
			return String.format(java.util.Locale.ROOT, "%d gaps over 1 ms, %.0f ms in all, of %.0f ms", this.gaps,
					this.gapNanos / 1e6, (this.last - this.first) / 1e6);
		}

		/** Messages per second between the first and the last message. */
		double rate() {
			long n = this.count.get();
			return (n > 1 && this.last > this.first) ? (n - 1) / ((this.last - this.first) / 1e9) : 0;
		}

	}

}
