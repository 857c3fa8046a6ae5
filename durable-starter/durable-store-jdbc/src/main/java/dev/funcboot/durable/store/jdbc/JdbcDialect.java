package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * The databases the JDBC store speaks. The store detects the dialect from the connection's
 * metadata; set it explicitly only for a database that reports another product name.
 */
public enum JdbcDialect {

	/** PostgreSQL 12 or later: every claim is one {@code UPDATE ... FOR UPDATE SKIP LOCKED} statement. */
	POSTGRESQL("PostgreSQL", "postgresql", new PostgresDialect()),

	/** H2 2.x, the embedded default: claims pick candidates, then lock one with {@code SKIP LOCKED}. */
	H2("H2", "h2", new H2Dialect());

	private final String productName;

	private final String folder;

	private final DialectSql sql;

	JdbcDialect(String productName, String folder, DialectSql sql) {
		this.productName = productName;
		this.folder = folder;
		this.sql = sql;
	}

	/** The dialect of the database behind the data source. */
	public static JdbcDialect detect(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return of(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new JdbcStoreException("Cannot detect the database of the durable store: " + ex.getMessage()
					+ ". Is the database reachable? Or set the dialect explicitly.", ex);
		}
	}

	/** The dialect for a JDBC product name ({@code PostgreSQL}, {@code H2}). */
	public static JdbcDialect of(String databaseProductName) {
		for (JdbcDialect dialect : values()) {
			if (dialect.productName.equalsIgnoreCase(databaseProductName)) {
				return dialect;
			}
		}
		throw new IllegalArgumentException("The durable JDBC store does not support '" + databaseProductName
				+ "'; it supports " + Arrays.stream(values()).map((d) -> d.productName).collect(Collectors.joining(", "))
				+ ". Set the dialect explicitly only for a database compatible with one of them.");
	}

	/** Where this dialect's Flyway migrations are. */
	String migrationLocation() {
		return "classpath:dev/funcboot/durable/store/jdbc/migration/" + this.folder;
	}

	DialectSql sql() {
		return this.sql;
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
