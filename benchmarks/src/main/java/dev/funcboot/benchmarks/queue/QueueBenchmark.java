package dev.funcboot.benchmarks.queue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import dev.funcboot.benchmarks.harness.Args;
import dev.funcboot.benchmarks.harness.Percentiles;
import dev.funcboot.benchmarks.harness.ResultsFile;
import dev.funcboot.benchmarks.harness.Target;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Storage queue throughput: the same number of small messages, preloaded into a fresh Azurite
 * queue, consumed by a no-op function through Funcboot ({@link FuncbootQueueApp}) and by the raw
 * Azure SDK client ({@link RawQueueConsumer}), alternating sides each round. Messages per second
 * count from the first message handled to the last, so preloading and start-up are outside; the
 * queue must be empty afterwards (every message deleted) or the round fails.
 *
 * <p>Options: {@code --messages 3000}, {@code --rounds 3}, {@code --warmup-rounds 1},
 * {@code --connection-string} (Azurite's development account by default), {@code --results FILE}.
 */
public final class QueueBenchmark {

	static final String AZURITE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
			+ "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
			+ "QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private QueueBenchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("ROOT")).setLevel(Level.WARN);
		Args args = new Args(arguments);
		int messages = args.integer("messages", 3000);
		int rounds = args.integer("rounds", 3);
		int warmupRounds = args.integer("warmup-rounds", 1);
		String connection = args.string("connection-string", AZURITE);
		String resultsPath = args.string("results", null);
		ResultsFile results = new ResultsFile((resultsPath != null) ? Path.of(resultsPath) : null);
		QueueServiceClient service = new QueueServiceClientBuilder().connectionString(connection).buildClient();

		System.out.println("== Storage queue: no-op function through Funcboot vs the raw Azure SDK, same Azurite ==");
		System.out.printf(Locale.ROOT, "%d messages per side and round, batch 32, %d warm-up round(s) then %d measured;"
				+ " alternating sides; msgs/s from first to last message handled%n", messages, warmupRounds, rounds);
		double[] funcboot = new double[rounds];
		double[] raw = new double[rounds];
		for (int round = -warmupRounds; round < rounds; round++) {
			double rawRate = rate(messages, measureRaw(service, messages));
			double funcbootRate = rate(messages, measureFuncboot(service, connection, messages));
			String label = (round < 0) ? "warm-up" : "round " + (round + 1);
			System.out.printf(Locale.ROOT, "%-8s raw SDK %8.0f msgs/s   Funcboot %8.0f msgs/s   ratio %.3f%n", label,
					rawRate, funcbootRate, funcbootRate / rawRate);
			if (round >= 0) {
				raw[round] = rawRate;
				funcboot[round] = funcbootRate;
			}
		}
		double funcbootMedian = Percentiles.median(funcboot);
		double rawMedian = Percentiles.median(raw);
		double ratio = funcbootMedian / rawMedian;
		System.out.printf(Locale.ROOT, "median   raw SDK %8.0f msgs/s   Funcboot %8.0f msgs/s   ratio %.3f (target >= 0.85)%n",
				rawMedian, funcbootMedian, ratio);
		results.add("storage queue msgs/s (vs raw SDK)", String.format(Locale.ROOT, "%.0f", funcbootMedian),
				String.format(Locale.ROOT, "%.0f", rawMedian), ratio, Target.atLeast(0.85));
	}

	private static double rate(int messages, long nanos) {
		// first to last handled spans messages - 1 intervals
		return (messages - 1) / (nanos / 1e9);
	}

	private static long measureRaw(QueueServiceClient service, int messages) throws Exception {
		QueueClient queue = preload(service, "bench-raw", messages);
		try {
			long nanos = RawQueueConsumer.consume(queue, messages, TIMEOUT);
			awaitEmpty(queue);
			return nanos;
		}
		finally {
			queue.delete();
		}
	}

	private static long measureFuncboot(QueueServiceClient service, String connection, int messages) throws Exception {
		QueueClient queue = preload(service, "bench-funcboot", messages);
		FuncbootQueueApp.Counter counter = new FuncbootQueueApp.Counter(messages);
		FuncbootQueueApp.counter = counter;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FuncbootQueueApp.class)
			.web(WebApplicationType.NONE)
			.properties(Map.of("spring.main.banner-mode", "off", "spring.application.name", "queue-benchmark",
					"bench.queue", queue.getQueueName(),
					"funcboot.storage.connections.default.connection-string", connection, "funcboot.queue.batch-size",
					"32", "logging.level.root", "WARN"))
			.run()) {
			if (!counter.done.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("Funcboot handled " + (messages - counter.done.getCount()) + " of "
						+ messages + " messages within " + TIMEOUT);
			}
			awaitEmpty(queue);
			return counter.last.get() - counter.first.get();
		}
		finally {
			queue.delete();
		}
	}

	/** A fresh queue holding the messages, Base64 text as Azure Functions writes it; not timed. */
	private static QueueClient preload(QueueServiceClient service, String prefix, int messages) throws Exception {
		QueueClient queue = service
			.getQueueClient(prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36));
		queue.create();
		ExecutorService senders = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < messages; i++) {
				String body = "{\"id\":\"order-" + i + "\",\"quantity\":" + (i % 7 + 1) + "}";
				String text = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
				sent.add(senders.submit(() -> queue.sendMessage(text)));
			}
			for (Future<?> future : sent) {
				future.get();
			}
		}
		finally {
			senders.shutdown();
		}
		return queue;
	}

	/** Every message was deleted, not just handled (the deletes of the last ones may still run). */
	private static void awaitEmpty(QueueClient queue) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (queue.getProperties().getApproximateMessagesCount() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Queue " + queue.getQueueName() + " still holds "
						+ queue.getProperties().getApproximateMessagesCount() + " messages after its consumer was done");
			}
			Thread.sleep(50);
		}
	}

}
