package dev.funcboot.benchmarks.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.funcboot.durable.store.InMemoryOrchestrationStore;
import dev.funcboot.durable.store.OrchestrationStore;
import dev.funcboot.durable.store.jdbc.JdbcOrchestrationStore;

/**
 * One store under test and what it needs: nothing (memory), an H2 file database in a temporary
 * directory (the embedded default), or a fresh schema in PostgreSQL. {@link #close()} removes
 * what was created: the directory, the schema.
 */
final class BenchStore implements AutoCloseable {

	private static final List<String> STORE_TABLES = List.of("funcboot_durable_instances", "funcboot_durable_history",
			"funcboot_durable_inbox", "funcboot_durable_activities");

	private final String name;

	private final String description;

	private final OrchestrationStore store;

	private final AutoCloseable cleanup;

	private final Runnable maintenance;

	private BenchStore(String name, String description, OrchestrationStore store, AutoCloseable cleanup,
			Runnable maintenance) {
		this.name = name;
		this.description = description;
		this.store = store;
		this.cleanup = cleanup;
		this.maintenance = maintenance;
	}

	static BenchStore inMemory() {
		return new BenchStore("memory", "InMemoryOrchestrationStore (baseline: no I/O)",
				new InMemoryOrchestrationStore(), () -> {
				}, () -> {
				});
	}

	static BenchStore h2(int poolSize) throws IOException {
		Path directory = Files.createTempDirectory("funcboot-durable-bench-");
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("durable").toAbsolutePath());
		config.setUsername("sa");
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("bench-h2");
		HikariDataSource dataSource = new HikariDataSource(config);
		try {
			OrchestrationStore store = JdbcOrchestrationStore.builder(dataSource).build();
			// H2 analyzes tables by itself as rows change (ANALYZE_AUTO)
			return new BenchStore("h2", "H2 file database in " + directory + ", pool of " + poolSize, store, () -> {
				dataSource.close();
				deleteTree(directory);
			}, () -> {
			});
		}
		catch (RuntimeException ex) {
			dataSource.close();
			deleteTree(directory);
			throw ex;
		}
	}

	/** A new schema {@code funcboot_bench_<random>}, dropped on close. */
	static BenchStore postgres(String url, String user, String password, int poolSize) {
		String schema = "funcboot_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(url, user, password, "CREATE SCHEMA " + schema);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("bench-postgres");
		HikariDataSource dataSource = new HikariDataSource(config);
		AutoCloseable cleanup = () -> {
			dataSource.close();
			execute(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
		};
		try {
			OrchestrationStore store = JdbcOrchestrationStore.builder(dataSource).build();
			boolean autovacuum = autovacuum(dataSource);
			String description = "PostgreSQL " + url + ", schema " + schema + " (dropped afterwards), pool of " + poolSize
					+ (autovacuum ? "" : "; autovacuum is off on this server, so the benchmark runs VACUUM ANALYZE on"
							+ " its tables before each scenario, as autovacuum would (not measured)");
			return new BenchStore("postgres", description, store, cleanup,
					autovacuum ? () -> {
					} : () -> vacuumAnalyze(dataSource));
		}
		catch (RuntimeException ex) {
			try {
				cleanup.close();
			}
			catch (Exception suppressed) {
				ex.addSuppressed(suppressed);
			}
			throw ex;
		}
	}

	String name() {
		return this.name;
	}

	String description() {
		return this.description;
	}

	OrchestrationStore store() {
		return this.store;
	}

	/** What the database would do by itself between bursts of work (statistics, dead rows). */
	void maintain() {
		this.maintenance.run();
	}

	@Override
	public void close() throws Exception {
		this.cleanup.close();
	}

	private static boolean autovacuum(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW autovacuum")) {
			return rows.next() && "on".equalsIgnoreCase(rows.getString(1));
		}
		catch (SQLException ex) {
			return true;
		}
	}

	/** Without statistics the claim queries join and sort every row instead of walking an index. */
	private static void vacuumAnalyze(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			for (String table : STORE_TABLES) {
				statement.execute("VACUUM ANALYZE " + table);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("VACUUM ANALYZE of the benchmark's schema failed: " + ex.getMessage(), ex);
		}
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The durable benchmark needs PostgreSQL at " + url + " reachable by user '"
					+ user + "' (start it with 'scripts/services.sh start postgres', or pass --pg-url/--pg-user,"
					+ " or leave it out with --stores memory,h2). '" + sql + "' failed: " + ex.getMessage(), ex);
		}
	}

	private static void deleteTree(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + directory, ex);
		}
	}

}
