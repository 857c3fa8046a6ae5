package dev.funcboot.durable.store.jdbc;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CrashRecoveryScenario} on PostgreSQL: two JVMs, the first killed with SIGKILL. */
class CrashRecoveryPostgresIntegrationTests {

	@Test
	void aKilledJvmsOrchestrationCompletesInTheNextJvm(@TempDir Path logs) throws Exception {
		try (PostgresTestSchema schema = PostgresTestSchema.create("crash")) {
			JdbcOrchestrationStore.builder(schema.dataSource()).build();
			CrashRecoveryScenario.run(schema.dataSource(), PostgresTestSchema.URL + "?currentSchema=" + schema.schema(),
					"postgres", logs);
		}
	}

}
