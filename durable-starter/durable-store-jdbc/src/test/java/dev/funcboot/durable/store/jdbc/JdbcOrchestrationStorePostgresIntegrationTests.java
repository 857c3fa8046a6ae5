package dev.funcboot.durable.store.jdbc;

import dev.funcboot.durable.store.OrchestrationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on PostgreSQL, in a schema of its own. */
class JdbcOrchestrationStorePostgresIntegrationTests extends OrchestrationStoreContractTests {

	private static PostgresTestSchema database;

	@BeforeAll
	static void createSchema() {
		database = PostgresTestSchema.create("durable_contract");
	}

	@AfterAll
	static void dropSchema() {
		if (database != null) {
			database.close();
		}
	}

	@Override
	protected OrchestrationStore createStore() throws Exception {
		JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(database.dataSource()).build();
		assertThat(store.dialect()).isEqualTo(JdbcDialect.POSTGRESQL);
		database.deleteStoreRows();
		return store;
	}

}
