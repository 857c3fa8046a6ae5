package dev.funcboot.durable.store.jdbc;

/**
 * The database failed an operation of the JDBC store; the message names the operation and the
 * database's reason. The operation's transaction was rolled back, so it may be retried.
 */
public class JdbcStoreException extends RuntimeException {

	public JdbcStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
