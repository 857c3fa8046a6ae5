package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A fresh schema in the test PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}), dropped on close. Fails, never skips, when PostgreSQL is not there.
 */
final class PostgresTestSchema implements AutoCloseable {

	static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private final String schema;

	private final HikariDataSource dataSource;

	private PostgresTestSchema(String schema) {
		this.schema = schema;
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(URL + "?currentSchema=" + schema);
		config.setUsername("postgres");
		config.setMaximumPoolSize(10);
		config.setPoolName(schema);
		this.dataSource = new HikariDataSource(config);
	}

	static PostgresTestSchema create(String prefix) {
		String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("CREATE SCHEMA " + schema);
		return new PostgresTestSchema(schema);
	}

	HikariDataSource dataSource() {
		return this.dataSource;
	}

	String schema() {
		return this.schema;
	}

	/** Empties the store's tables, keeping the schema and its migrations. */
	void deleteStoreRows() throws SQLException {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("TRUNCATE funcboot_durable_instances, funcboot_durable_history, funcboot_durable_inbox,"
					+ " funcboot_durable_activities");
		}
	}

	@Override
	public void close() {
		this.dataSource.close();
		execute("DROP SCHEMA " + this.schema + " CASCADE");
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("These tests need PostgreSQL on 127.0.0.1:5432 with a database 'test'"
					+ " that user 'postgres' reaches without a password; start it with 'scripts/services.sh start"
					+ " postgres'. (" + sql + " failed: " + ex.getMessage() + ")", ex);
		}
	}

}
