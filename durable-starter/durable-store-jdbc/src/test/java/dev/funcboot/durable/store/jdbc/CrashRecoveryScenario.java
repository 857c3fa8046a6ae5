package dev.funcboot.durable.store.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.client.OrchestrationMetadata;
import dev.funcboot.durable.client.StoreDurableClient;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.json.JacksonDataConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An orchestration of 20 sequential activities runs in a separate JVM that is killed with
 * SIGKILL in the middle; a new JVM resumes it from the database. It completes with the right
 * output, its history records every activity result exactly once, and only the activity that was
 * running at the kill ran twice.
 */
final class CrashRecoveryScenario {

	private CrashRecoveryScenario() {
	}

	static void run(DataSource dataSource, String url, String user, Path logDir) throws Exception {
		JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(dataSource).build();
		StoreDurableClient client = new StoreDurableClient(store, DurableWorkerMain.orchestrators(),
				new JacksonDataConverter(), Clock.systemUTC());
		String id = client.scheduleNewOrchestration("chain20", null, "crash-" + System.nanoTime(), null);
		try (WorkerProcesses workers = new WorkerProcesses(url, user, logDir, 2000, 150)) {
			Process first = workers.start("first");
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> count(client.getHistory(id), HistoryEvent.TaskCompleted.class) >= 6);
			WorkerProcesses.kill(first);
			int completedAtKill = count(client.getHistory(id), HistoryEvent.TaskCompleted.class);
			assertThat(completedAtKill).isBetween(6, 19);
			assertThat(client.getInstance(id).status()).isEqualTo(OrchestrationStatus.RUNNING);

			workers.start("second");
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> !client.getInstance(id).isRunning());
			OrchestrationMetadata done = client.getInstance(id);
			assertThat(done.status()).as(workers.output("second")).isEqualTo(OrchestrationStatus.COMPLETED);
			List<Integer> expected = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				expected.add(i * i);
			}
			assertThat(done.<List<Integer>>readOutputAs(List.class)).isEqualTo(expected);

			List<HistoryEvent> history = client.getHistory(id);
			assertThat(taskIds(history, HistoryEvent.TaskScheduled.class)).hasSize(20).doesNotHaveDuplicates();
			assertThat(taskIds(history, HistoryEvent.TaskCompleted.class)).hasSize(20).doesNotHaveDuplicates();
			assertThat(count(history, HistoryEvent.ExecutionCompleted.class)).isEqualTo(1);

			Map<String, Integer> firstAttempts = workers.attempts("first");
			Map<String, Integer> secondAttempts = workers.attempts("second");
			assertThat(secondAttempts).as("the second JVM resumed the work").isNotEmpty();
			Map<String, Integer> all = new HashMap<>(firstAttempts);
			secondAttempts.forEach((key, n) -> all.merge(key, n, Integer::sum));
			assertThat(all).hasSize(20);
			List<String> repeated = all.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() > 1)
				.map(Map.Entry::getKey)
				.collect(Collectors.toList());
			// at-least-once: only the activity in flight when the first JVM died may run again
			assertThat(repeated).hasSizeLessThanOrEqualTo(1);
			for (String key : repeated) {
				assertThat(firstAttempts).containsKey(key);
			}
		}
	}

	static int count(List<HistoryEvent> history, Class<? extends HistoryEvent> type) {
		return (int) history.stream().filter(type::isInstance).count();
	}

	static List<Integer> taskIds(List<HistoryEvent> history, Class<? extends HistoryEvent> type) {
		List<Integer> ids = new ArrayList<>();
		for (HistoryEvent event : history) {
			if (type.isInstance(event)) {
				if (event instanceof HistoryEvent.TaskScheduled scheduled) {
					ids.add(scheduled.taskId());
				}
				else if (event instanceof HistoryEvent.TaskCompleted completed) {
					ids.add(completed.taskId());
				}
			}
		}
		return ids;
	}

}
