package dev.funcboot.benchmarks.broker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	static final boolean GAPS = Boolean.getBoolean("bench.gaps");

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	@Bean
	Consumer<String> noop() {
		return (message) -> CLOCK.tick();
	}

	/**
	 * A batch function, for {@code -Dbench.kafka-input=batch}: one call per poll with every message
	 * in it (a {@code List<String>} input), the cardinality-many function of Azure Functions' Kafka
	 * and Event Hubs triggers. It only counts.
	 */
	@Configuration(proxyBeanMethods = false)
	static class BatchFunction {

		@Bean
		Consumer<List<String>> batch() {
			return (messages) -> {
				for (int i = 0; i < messages.size(); i++) {
					CLOCK.tick();
				}
			};
		}

	}

	/** An order as the benchmark's messages hold it. */
	record Order(String id, int quantity) {
	}

	/**
	 * A function that does a little work, for {@code -Dbench.kafka-input=json}: its input is the
	 * message decoded from JSON (Jackson, as the raw side decodes it), and it only counts.
	 */
	@Configuration(proxyBeanMethods = false)
	static class JsonFunction {

		@Bean
		Consumer<Order> orders() {
			return (order) -> {
				if (order.quantity() < 0) {
					throw new IllegalStateException();
				}
				CLOCK.tick();
			};
		}

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
			Arrays.fill(this.tenths, 0);
			this.tenth = tenths();
		}

		/** Time spent in gaps of more than a millisecond between two messages, and how many. */
		volatile long gapNanos;

		volatile long gaps;

		/** When each tenth of the messages was reached, with -Dbench.gaps=true (where the time went). */
		final long[] tenths = new long[11];

		volatile int tenth = tenths();

		/** Messages in a tenth of a round: -Dbench.tenth, else a tenth of the round's messages. */
		static volatile int roundMessages = 300_000;

		private static int tenths() {
			return Integer.getInteger("bench.tenth", Math.max(1, roundMessages / 10));
		}

		/** CPU time (ns) at the first message: of the process, and of the thread that took it. */
		volatile long processCpuAtFirst;

		volatile long threadCpuAtFirst;

		volatile long processCpuAtLast;

		volatile long threadCpuAtLast;

		volatile Thread consumer;

		void tick() {
			long now = System.nanoTime();
			long n = this.count.getAndIncrement();
			if (n == 0) {
				this.first = now;
				if (GAPS) {
					this.consumer = Thread.currentThread();
					this.processCpuAtFirst = processCpu();
					this.threadCpuAtFirst = THREADS.getCurrentThreadCpuTime();
				}
			}
			if (n % this.tenth == 0 && n / this.tenth < this.tenths.length) {
				this.tenths[(int) (n / this.tenth)] = now;
			}
			else if (now - this.last > 1_000_000) {
				this.gapNanos += now - this.last;
				this.gaps++;
			}
			this.last = now;
		}

		/** With -Dbench.gaps=true: marks the CPU times at the last message (the side calls it when done). */
		void stopped() {
			this.processCpuAtLast = processCpu();
			Thread consumer = this.consumer;
			this.threadCpuAtLast = (consumer != null) ? THREADS.getThreadCpuTime(consumer.getId()) : 0;
		}

		private static long processCpu() {
			return (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
					? os.getProcessCpuTime() : 0;
		}

		String gaps() {
			long n = Math.max(1, this.count.get());
			String cpu = String.format(Locale.ROOT, "; CPU per message: consumer thread %.0f ns, process %.0f ns",
					(this.threadCpuAtLast - this.threadCpuAtFirst) / (double) n,
					(this.processCpuAtLast - this.processCpuAtFirst) / (double) n);
			StringBuilder rates = new StringBuilder();
			for (int i = 1; i < this.tenths.length && this.tenths[i] > 0; i++) {
				rates.append(' ').append(Math.round(this.tenth / ((this.tenths[i] - this.tenths[i - 1]) / 1e6)));
			}
			return String.format(Locale.ROOT, "%d gaps over 1 ms, %.0f ms in all, of %.0f ms; k msgs/s by tenth:%s",
					this.gaps, this.gapNanos / 1e6, (this.last - this.first) / 1e6, rates) + cpu;
		}

		/** Messages per second between the first and the last message. */
		double rate() {
			long n = this.count.get();
			return (n > 1 && this.last > this.first) ? (n - 1) / ((this.last - this.first) / 1e9) : 0;
		}

	}

}
