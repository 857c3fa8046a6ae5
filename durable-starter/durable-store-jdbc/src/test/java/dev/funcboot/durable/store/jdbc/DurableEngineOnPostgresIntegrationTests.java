package dev.funcboot.durable.store.jdbc;

import java.time.Clock;

import dev.funcboot.durable.store.OrchestrationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine scenarios on PostgreSQL, in a schema of their own. */
class DurableEngineOnPostgresIntegrationTests extends DurableEngineOnStoreTests {

	private static PostgresTestSchema database;

	@BeforeAll
	static void createSchema() {
		database = PostgresTestSchema.create("durable_engine");
	}

	@AfterAll
	static void dropSchema() {
		if (database != null) {
			database.close();
		}
	}

	@Override
	protected OrchestrationStore createStore(Clock clock) throws Exception {
		JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(database.dataSource()).clock(clock).build();
		database.deleteStoreRows();
		return store;
	}

}
