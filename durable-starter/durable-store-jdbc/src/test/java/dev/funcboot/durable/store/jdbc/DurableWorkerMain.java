package dev.funcboot.durable.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.OrchestratorRegistration;
import dev.funcboot.durable.Task;
import dev.funcboot.durable.internal.replay.OrchestrationExecutor;
import dev.funcboot.durable.json.JacksonDataConverter;
import dev.funcboot.durable.runtime.ActivityInvoker;
import dev.funcboot.durable.runtime.ActivityProcessor;
import dev.funcboot.durable.runtime.DurableWorker;
import dev.funcboot.durable.runtime.OrchestrationProcessor;

/**
 * A durable worker in its own JVM, for the crash and scale-out tests: it runs until killed.
 * Every activity attempt is appended to {@code <logDir>/<workerId>.log} before it runs, so the
 * tests can count executions per worker (a SIGKILL loses nothing already written).
 *
 * <p>Arguments: jdbcUrl user workerId logDir leaseMillis activityDelayMillis
 */
public final class DurableWorkerMain {

	private DurableWorkerMain() {
	}

	/** Orchestrators of the tests: 20 sequential steps, and a fan-out/fan-in of 10. */
	static OrchestratorCatalog orchestrators() {
		return OrchestratorCatalog.of(List.of(OrchestratorRegistration.of("chain20", (ctx, input) -> {
			List<Integer> results = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				results.add(ctx.callActivity("square", ctx.instanceId() + "/" + i, Integer.class).await());
			}
			return results;
		}), OrchestratorRegistration.of("fanOut10", (ctx, input) -> {
			List<Task<Integer>> parts = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				parts.add(ctx.callActivity("square", ctx.instanceId() + "/" + i, Integer.class));
			}
			return ctx.allOf(parts).await().stream().mapToInt(Integer::intValue).sum();
		})));
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String user = args[1];
		String workerId = args[2];
		Path log = Path.of(args[3]).resolve(workerId + ".log");
		Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
		long delay = Long.parseLong(args[5]);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setMaximumPoolSize(8);
		HikariDataSource dataSource = new HikariDataSource(config);
		Clock clock = Clock.systemUTC();
		JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(dataSource).clock(clock).build();
		DataConverter converter = new JacksonDataConverter();
		ActivityInvoker activities = (name, input) -> {
			String key = converter.deserialize(input, String.class);
			append(log, key);
			if (delay > 0) {
				Thread.sleep(delay);
			}
			int i = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
			return converter.serialize(i * i);
		};
		OrchestrationExecutor executor = new OrchestrationExecutor(orchestrators(), converter);
		DurableWorker worker = new DurableWorker(store,
				new OrchestrationProcessor(store, executor, clock, workerId, lease),
				new ActivityProcessor(store, activities, clock, workerId, lease), clock, 2, 4, Duration.ofMillis(50),
				workerId);
		store.onWork(worker::signal);
		worker.start();
		System.out.println("worker " + workerId + " started");
		Thread.currentThread().join();
	}

	private static synchronized void append(Path log, String line) {
		try {
			Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND, StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
