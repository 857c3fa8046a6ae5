package dev.funcboot.durable.store.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.client.StoreDurableClient;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.json.JacksonDataConverter;
import dev.funcboot.durable.store.InstanceQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three JVMs share one PostgreSQL database and 1,000 orchestrations (fan-out of 10 each); one
 * JVM is killed with SIGKILL midway. Every orchestration completes exactly once with the right
 * output, the work was spread over all three, and activities ran again only where their JVM
 * died.
 */
class ScaleOutPostgresIntegrationTests {

	static final int INSTANCES = 1000;

	@Test
	void threeReplicasShareTheWorkAndSurviveLosingOne(@TempDir Path logs) throws Exception {
		try (PostgresTestSchema schema = PostgresTestSchema.create("scale")) {
			JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(schema.dataSource()).build();
			StoreDurableClient client = new StoreDurableClient(store, DurableWorkerMain.orchestrators(),
					new JacksonDataConverter(), Clock.systemUTC());
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				ids.add(client.scheduleNewOrchestration("fanOut10", null, "fan-" + i, null));
			}
			String url = PostgresTestSchema.URL + "?currentSchema=" + schema.schema();
			try (WorkerProcesses workers = new WorkerProcesses(url, "postgres", logs, 3000, 0)) {
				workers.start("w1");
				Process victim = workers.start("w2");
				workers.start("w3");
				await().atMost(Duration.ofMinutes(5))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> completed(store) >= INSTANCES * 3 / 10);
				WorkerProcesses.kill(victim);
				long completedAtKill = completed(store);
				assertThat(completedAtKill).as("killed midway").isLessThan(INSTANCES);
				await().atMost(Duration.ofMinutes(8))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> completed(store) == INSTANCES);

				for (String id : ids) {
					assertThat(client.getInstance(id).status()).isEqualTo(OrchestrationStatus.COMPLETED);
					assertThat(client.getInstance(id).<Integer>readOutputAs(Integer.class)).isEqualTo(285);
					List<HistoryEvent> history = client.getHistory(id);
					assertThat(CrashRecoveryScenario.count(history, HistoryEvent.ExecutionCompleted.class)).isEqualTo(1);
					assertThat(CrashRecoveryScenario.taskIds(history, HistoryEvent.TaskCompleted.class)).hasSize(10)
						.doesNotHaveDuplicates();
				}

				Map<String, Integer> w1 = workers.attempts("w1");
				Map<String, Integer> w2 = workers.attempts("w2");
				Map<String, Integer> w3 = workers.attempts("w3");
				assertThat(w1).as("w1 did work").isNotEmpty();
				assertThat(w2).as("w2 did work before it died").isNotEmpty();
				assertThat(w3).as("w3 did work").isNotEmpty();
				Map<String, Integer> all = new HashMap<>();
				for (Map<String, Integer> worker : List.of(w1, w2, w3)) {
					worker.forEach((key, n) -> all.merge(key, n, Integer::sum));
				}
				assertThat(all).hasSize(INSTANCES * 10);
				int repeated = 0;
				for (Map.Entry<String, Integer> entry : all.entrySet()) {
					if (entry.getValue() > 1) {
						repeated++;
						assertThat(w2).as("re-run activity %s was in flight on the killed JVM", entry.getKey())
							.containsKey(entry.getKey());
					}
				}
				System.out.printf("scale-out: activities w1=%d w2=%d (killed at %d completed) w3=%d, re-run=%d%n",
						w1.size(), w2.size(), completedAtKill, w3.size(), repeated);
				// each JVM runs at most 4 activities at once, so only those can be in flight at the kill
				assertThat(repeated).isLessThanOrEqualTo(4);
			}
		}
	}

	private static long completed(JdbcOrchestrationStore store) {
		return store.countByStatus().getOrDefault(OrchestrationStatus.COMPLETED, 0L);
	}

	static InstanceQuery completedQuery() {
		return new InstanceQuery(EnumSet.of(OrchestrationStatus.COMPLETED), null, null, null, INSTANCES, null);
	}

}
