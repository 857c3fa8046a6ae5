package dev.funcboot.durable.store.jdbc;

import java.sql.SQLException;
import java.time.Instant;

import dev.funcboot.durable.history.HistoryEvent;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema on PostgreSQL: created in the connection's schema, next to the application's Flyway. */
class JdbcSchemaPostgresIntegrationTests {

	@Test
	void storeLivesNextToTheApplicationsOwnFlyway() throws SQLException {
		try (PostgresTestSchema database = PostgresTestSchema.create("durable_schema")) {
			Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/app-migration").load().migrate();
			JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(database.dataSource()).build();
			assertThat(store.dialect()).isEqualTo(JdbcDialect.POSTGRESQL);
			assertThat(JdbcOrchestrationStoreTests.tables(database.dataSource())).contains("app_orders",
					"flyway_schema_history", "funcboot_durable_schema_history", "funcboot_durable_instances",
					"funcboot_durable_history", "funcboot_durable_inbox", "funcboot_durable_activities");
			assertThat(JdbcOrchestrationStoreTests.appliedVersions(database.dataSource(), "flyway_schema_history"))
				.containsExactly("1", "2");
			assertThat(JdbcOrchestrationStoreTests.appliedVersions(database.dataSource(),
					"funcboot_durable_schema_history"))
				.containsExactly("0", "1");
			Instant now = OrchestrationStoreContractTests.T0;
			assertThat(store.createInstance(OrchestrationStoreContractTests.pending("i-1", "orch", now),
					new HistoryEvent.ExecutionStarted(now, "orch", "i-1", null, null), now)).isTrue();
			// building again (another replica starting) finds nothing to migrate and keeps the data
			assertThat(JdbcOrchestrationStore.builder(database.dataSource()).build().getInstance("i-1")).isNotNull();
		}
	}

}
