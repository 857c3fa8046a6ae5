package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in one READ COMMITTED transaction on a connection of its own: commit when it returns,
 * roll back when it throws. Transient failures (serialization failure, deadlock, lock timeout)
 * roll back and run the work again, a few times.
 *
 * <p>Asking a connection for its isolation level costs a round trip on PostgreSQL ({@code SHOW
 * TRANSACTION ISOLATION LEVEL}), as much as a short statement, on every transaction. So each
 * physical connection is asked once: one found at READ COMMITTED (the default of PostgreSQL and
 * H2) is not asked again. Pools reset what a borrower changed (HikariCP, Spring's transaction
 * management); a connection found at another level is switched and restored every time.
 */
final class Transactions {

	private static final Logger logger = LoggerFactory.getLogger(Transactions.class);

	private static final int ATTEMPTS = 3;

	private final DataSource dataSource;

	/** Physical connections seen at READ COMMITTED (weak keys: closed connections go). */
	private final Map<Connection, Boolean> readCommitted = Collections.synchronizedMap(new WeakHashMap<>());

	Transactions(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@FunctionalInterface
	interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

	<T> T run(String operation, Work<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return runOnce(work);
			}
			catch (SQLException ex) {
				if (attempt < ATTEMPTS && isTransient(ex)) {
					logger.debug("Retrying '{}' after a transient failure: {}", operation, ex.getMessage());
					continue;
				}
				throw new JdbcStoreException("Durable store could not " + operation + ": " + ex.getMessage()
						+ " (SQL state " + ex.getSQLState() + ")", ex);
			}
		}
	}

	private <T> T runOnce(Work<T> work) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			int isolation = isolation(connection);
			T result;
			try {
				connection.setAutoCommit(false);
				if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
					// SKIP LOCKED claims and lock checks are written for READ COMMITTED
					connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
				}
				result = work.run(connection);
				connection.commit();
			}
			catch (SQLException | RuntimeException | Error ex) {
				try {
					connection.rollback();
					restore(connection, autoCommit, isolation);
				}
				catch (SQLException cleanup) {
					ex.addSuppressed(cleanup);
				}
				throw ex;
			}
			restore(connection, autoCommit, isolation);
			return result;
		}
	}

	private int isolation(Connection connection) throws SQLException {
		Connection physical = physical(connection);
		if (this.readCommitted.containsKey(physical)) {
			return Connection.TRANSACTION_READ_COMMITTED;
		}
		int isolation = connection.getTransactionIsolation();
		if (isolation == Connection.TRANSACTION_READ_COMMITTED) {
			this.readCommitted.put(physical, Boolean.TRUE);
		}
		return isolation;
	}

	/** The driver's connection behind a pool's proxy (the proxy is new on every borrow). */
	private static Connection physical(Connection connection) {
		try {
			return connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
		}
		catch (SQLException | RuntimeException | AbstractMethodError ex) {
			return connection;
		}
	}

	/** Hands the connection back as it came, for pools that do not reset it. */
	private static void restore(Connection connection, boolean autoCommit, int isolation) throws SQLException {
		if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
			connection.setTransactionIsolation(isolation);
		}
		connection.setAutoCommit(autoCommit);
	}

	private static boolean isTransient(SQLException ex) {
		String state = ex.getSQLState();
		// 40001 serialization failure, 40P01 deadlock (PostgreSQL), HYT00 lock timeout (H2)
		return state != null && (state.startsWith("40") || state.equals("HYT00"));
	}

}
