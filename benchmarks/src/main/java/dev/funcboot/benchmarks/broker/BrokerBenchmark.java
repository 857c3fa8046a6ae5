package dev.funcboot.benchmarks.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.Level;
import dev.funcboot.benchmarks.harness.Args;
import dev.funcboot.benchmarks.harness.ResultsFile;
import dev.funcboot.benchmarks.harness.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throughput of a no-op function fed by a broker through Funcboot (Spring Cloud Stream binder,
 * invocation pipeline, Funcboot's settlement) against the broker's own Java client consuming the
 * same broker in the same run, settling the same way (Kafka: commit after each poll; RabbitMQ:
 * manual ack of each message, same prefetch). Each round fills a fresh destination, then both
 * sides drain one each, alternating which goes first; the rate runs from a side's first message
 * to its last, so group joins and context starts are not counted. Medians are judged.
 *
 * <p>Options: {@code --broker kafka|rabbit}, {@code --messages 50000}, {@code --rounds 3},
 * {@code --warmup-rounds 1}, {@code --batch-size 500}, {@code --kafka-brokers host:port} (else an
 * embedded KRaft broker), {@code --results FILE}.
 */
public final class BrokerBenchmark {

	static final Target TARGET = Target.atLeast(0.85);

	/** The pause after each fill: -Dbench.settle=2s. */
	static final Duration SETTLE = Duration.parse("PT" + System.getProperty("bench.settle", "2s"));

	private BrokerBenchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		quietLogging();
		Args args = new Args(arguments);
		String broker = args.string("broker", "kafka");
		int messages = args.integer("messages", 50_000);
		int rounds = args.integer("rounds", 3);
		int warmup = args.integer("warmup-rounds", 1);
		int batchSize = args.integer("batch-size", 500);
		String resultsPath = args.string("results", null);
		ResultsFile results = new ResultsFile((resultsPath != null) ? Path.of(resultsPath) : null);
		NoopFunctionApp.Clock.roundMessages = messages;
		try (BrokerSide side = broker.equals("rabbit") ? new RabbitSide(batchSize)
				: new KafkaSide(args.string("kafka-brokers", null), batchSize)) {
			System.out.printf(Locale.ROOT, "%n== %s: %s function, %d messages per side per round, batch/prefetch %d,"
					+ " %d warm-up + %d measured rounds ==%n", side.name(), side.work(), messages, batchSize, warmup, rounds);
			List<Double> raw = new ArrayList<>();
			List<Double> funcboot = new ArrayList<>();
			for (int round = 0; round < warmup + rounds; round++) {
				boolean measured = round >= warmup;
				String destination = side.fill(side.name() + "-bench-" + round, messages);
				// the fill's aftermath (the JIT compiling the producer's and broker's paths, the broker's
				// log writes) passes before either side starts, so it falls on neither
				Thread.sleep(SETTLE.toMillis());
				double r;
				double f;
				String only = System.getProperty("bench.only", "");
				if (!only.isEmpty()) {
					// profiling one side: -Dbench.only=raw|funcboot (no ratio)
					r = only.equals("raw") ? side.raw(destination, messages) : Double.NaN;
					f = only.equals("funcboot") ? side.funcboot(destination, messages) : Double.NaN;
				}
				else if (round % 2 == 0) {
					r = side.raw(destination, messages);
					f = side.funcboot(destination, messages);
				}
				else {
					f = side.funcboot(destination, messages);
					r = side.raw(destination, messages);
				}
				System.out.printf(Locale.ROOT, "%s round %d: raw %,.0f msgs/s, funcboot %,.0f msgs/s, ratio %.3f%n",
						measured ? "measured" : "warm-up ", round + 1, r, f, f / r);
				if (measured) {
					raw.add(r);
					funcboot.add(f);
				}
			}
			double rawMedian = median(raw);
			double funcbootMedian = median(funcboot);
			double ratio = funcbootMedian / rawMedian;
			System.out.printf(Locale.ROOT, "%s median: raw %,.0f msgs/s, funcboot %,.0f msgs/s, ratio %.3f (target %s: %s)%n",
					side.name(), rawMedian, funcbootMedian, ratio, TARGET, TARGET.verdict(ratio));
			results.add(side.name() + " " + side.work() + " msgs/s", String.format(Locale.ROOT, "%.0f", funcbootMedian),
					String.format(Locale.ROOT, "%.0f", rawMedian), ratio, TARGET);
		}
		System.exit(0);
	}

	private static void quietLogging() {
		if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(Level.WARN);
		}
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

}
