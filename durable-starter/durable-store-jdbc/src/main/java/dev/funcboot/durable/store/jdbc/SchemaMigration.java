package dev.funcboot.durable.store.jdbc;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the store's tables with Flyway, from {@code
 * dev/funcboot/durable/store/jdbc/migration/<dialect>}, recording them in a history table of their own so the
 * application's own Flyway migrations never see them. A schema that already holds other tables
 * (the application's) is baselined at version 0, so every store migration still runs.
 */
final class SchemaMigration {

	/** The store's Flyway history table. */
	static final String HISTORY_TABLE = "funcboot_durable_schema_history";

	private SchemaMigration() {
	}

	static void migrate(DataSource dataSource, JdbcDialect dialect) {
		Flyway.configure(SchemaMigration.class.getClassLoader())
			.dataSource(dataSource)
			.locations(dialect.migrationLocation())
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.placeholderReplacement(false)
			.failOnMissingLocations(true)
			.load()
			.migrate();
	}

}
