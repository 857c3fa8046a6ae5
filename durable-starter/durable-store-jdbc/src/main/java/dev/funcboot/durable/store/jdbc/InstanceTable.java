package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.store.InstanceQuery;
import dev.funcboot.durable.store.InstanceState;

/**
 * SQL on {@code funcboot_durable_instances}. A row whose status is NULL holds messages sent to an
 * instance that does not exist: it is never listed, and it carries the lock while a worker clears
 * those messages.
 */
final class InstanceTable {

	static final String TABLE = "funcboot_durable_instances";

	static final String COLUMNS = "id, name, status, input, output, custom_status, failure_type, failure_message,"
			+ " failure_stack_trace, created_at, updated_at, parent_instance_id, parent_name, parent_task_id";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

	/** The columns an instance's row is locked with. */
	record Lock(String status, String lockToken) {

		boolean isPlaceholder() {
			return this.status == null;
		}

		boolean isTerminal() {
			return this.status != null && OrchestrationStatus.valueOf(this.status).isTerminal();
		}

	}

	private InstanceTable() {
	}

	/** The instance, or null when unknown (or only holding messages). */
	static InstanceState find(Connection connection, String id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE id = ? AND status IS NOT NULL")) {
			statement.setString(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? map(rows) : null;
			}
		}
	}

	/** Locks the row until the transaction ends, excluding every other lock; null when there is none. */
	static Lock lock(Connection connection, String id) throws SQLException {
		return lock(connection, id, "FOR UPDATE");
	}

	/** Creates a placeholder row when there is none, then locks the row. */
	static Lock lockOrCreate(Connection connection, DialectSql dialect, String id) throws SQLException {
		dialect.insertInstanceIfAbsent(connection, id);
		return exists(lock(connection, id), id);
	}

	/**
	 * Locks the row to add a message to the instance's inbox ({@link DialectSql#messageLock()});
	 * null when there is none.
	 */
	static Lock lockForMessage(Connection connection, DialectSql dialect, String id) throws SQLException {
		return lock(connection, id, dialect.messageLock());
	}

	/** Locks the row to commit a step of the instance ({@link DialectSql#stepLock()}); null when there is none. */
	static Lock lockForStep(Connection connection, DialectSql dialect, String id) throws SQLException {
		return lock(connection, id, dialect.stepLock());
	}

	private static Lock lock(Connection connection, String id, String lock) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT status, lock_token FROM " + TABLE + " WHERE id = ? " + lock)) {
			statement.setString(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? new Lock(rows.getString("status"), rows.getString("lock_token")) : null;
			}
		}
	}

	/** Creates a placeholder row when there is none, then locks the row to add a message. */
	static Lock lockOrCreateForMessage(Connection connection, DialectSql dialect, String id) throws SQLException {
		dialect.insertInstanceIfAbsent(connection, id);
		return exists(lockForMessage(connection, dialect, id), id);
	}

	private static Lock exists(Lock lock, String id) throws SQLException {
		if (lock == null) {
			// deleted (purged, or an emptied placeholder) after the insert saw it: run again
			throw new SQLException("Row of instance " + id + " vanished while being locked", "40001");
		}
		return lock;
	}

	/** Writes the instance's state, leaving the lock columns alone. */
	static void write(Connection connection, InstanceState state) throws SQLException {
		write(connection, state, false);
	}

	/** Writes the instance's state and ends its lease, in one statement: the end of a step. */
	static void writeAndRelease(Connection connection, InstanceState state) throws SQLException {
		write(connection, state, true);
	}

	private static void write(Connection connection, InstanceState state, boolean release) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + TABLE
				+ " SET name = ?, status = ?, input = ?, output = ?, custom_status = ?, failure_type = ?,"
				+ " failure_message = ?, failure_stack_trace = ?, created_at = ?, updated_at = ?,"
				+ " parent_instance_id = ?, parent_name = ?, parent_task_id = ?"
				+ (release ? ", lock_owner = NULL, lock_token = NULL, locked_until = NULL" : "") + " WHERE id = ?")) {
			FailureDetails failure = state.failure();
			HistoryEvent.ParentInstance parent = state.parent();
			statement.setString(1, state.name());
			statement.setString(2, (state.status() != null) ? state.status().name() : null);
			statement.setString(3, state.input());
			statement.setString(4, state.output());
			statement.setString(5, state.customStatus());
			statement.setString(6, (failure != null) ? failure.errorType() : null);
			statement.setString(7, (failure != null) ? failure.message() : null);
			statement.setString(8, (failure != null) ? failure.stackTrace() : null);
			Timestamps.set(statement, 9, Timestamps.floor(state.createdAt()));
			Timestamps.set(statement, 10, Timestamps.floor(state.lastUpdatedAt()));
			statement.setString(11, (parent != null) ? parent.instanceId() : null);
			statement.setString(12, (parent != null) ? parent.name() : null);
			if (parent != null) {
				statement.setInt(13, parent.taskId());
			}
			else {
				statement.setNull(13, Types.INTEGER);
			}
			statement.setString(14, state.instanceId());
			statement.executeUpdate();
		}
	}

	/** Takes the lease of a row that is free or whose lease ended; false when another worker holds it. */
	static boolean claim(Connection connection, String id, String owner, String token, Instant until, Instant now)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + TABLE
				+ " SET lock_owner = ?, lock_token = ?, locked_until = ? WHERE id = ?"
				+ " AND (locked_until IS NULL OR locked_until <= ?)")) {
			statement.setString(1, owner);
			statement.setString(2, token);
			Timestamps.set(statement, 3, Timestamps.ceil(until));
			statement.setString(4, id);
			Timestamps.set(statement, 5, Timestamps.floor(now));
			return statement.executeUpdate() == 1;
		}
	}

	/** Ends the lease; with a token, only when it still holds. */
	static boolean release(Connection connection, String id, String token) throws SQLException {
		String sql = "UPDATE " + TABLE + " SET lock_owner = NULL, lock_token = NULL, locked_until = NULL WHERE id = ?"
				+ ((token != null) ? " AND lock_token = ?" : "");
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, id);
			if (token != null) {
				statement.setString(2, token);
			}
			return statement.executeUpdate() == 1;
		}
	}

	static void delete(Connection connection, String id) throws SQLException {
		Sql.update(connection, "DELETE FROM " + TABLE + " WHERE id = ?", id);
	}

	static List<InstanceState> query(Connection connection, InstanceQuery query) throws SQLException {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE status IS NOT NULL");
		List<Object> parameters = new ArrayList<>();
		if (query.statuses() != null) {
			if (query.statuses().isEmpty()) {
				return List.of();
			}
			sql.append(" AND status IN (");
			String separator = "";
			for (OrchestrationStatus status : query.statuses()) {
				sql.append(separator).append('?');
				parameters.add(status.name());
				separator = ", ";
			}
			sql.append(')');
		}
		if (query.namePrefix() != null) {
			sql.append(" AND name LIKE ? ESCAPE '!'");
			parameters.add(query.namePrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
		}
		if (query.createdFrom() != null) {
			sql.append(" AND created_at >= ?");
			parameters.add(Timestamps.floor(query.createdFrom()));
		}
		if (query.createdTo() != null) {
			sql.append(" AND created_at <= ?");
			parameters.add(Timestamps.floor(query.createdTo()));
		}
		// the continuation token is the offset of the page, as the in-memory store reads it
		sql.append(" ORDER BY created_at DESC, id LIMIT ? OFFSET ?");
		parameters.add(query.pageSize());
		parameters.add(offset(query.continuationToken()));
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			for (int i = 0; i < parameters.size(); i++) {
				statement.setObject(i + 1, parameters.get(i));
			}
			List<InstanceState> page = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					page.add(map(rows));
				}
			}
			return page;
		}
	}

	private static int offset(String continuationToken) {
		if (continuationToken == null) {
			return 0;
		}
		try {
			return Math.max(0, Integer.parseInt(continuationToken));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Continuation token '" + continuationToken + "' is not one this store"
					+ " hands out: it is the number of instances on the previous pages (e.g. \"100\")", ex);
		}
	}

	/** The row as an instance; a placeholder becomes an instance without status, stamped {@code now}. */
	static InstanceState map(ResultSet rows, Instant now) throws SQLException {
		if (rows.getString("status") == null) {
			return new InstanceState(rows.getString("id"), null, null, null, null, null, null, now, now, null);
		}
		return map(rows);
	}

	static InstanceState map(ResultSet rows) throws SQLException {
		String failureType = rows.getString("failure_type");
		String failureMessage = rows.getString("failure_message");
		String failureTrace = rows.getString("failure_stack_trace");
		FailureDetails failure = (failureType != null || failureMessage != null || failureTrace != null)
				? new FailureDetails(failureType, failureMessage, failureTrace) : null;
		String parentId = rows.getString("parent_instance_id");
		HistoryEvent.ParentInstance parent = (parentId != null)
				? new HistoryEvent.ParentInstance(parentId, rows.getString("parent_name"), rows.getInt("parent_task_id"))
				: null;
		return new InstanceState(rows.getString("id"), rows.getString("name"),
				OrchestrationStatus.valueOf(rows.getString("status")), rows.getString("input"), rows.getString("output"),
				rows.getString("custom_status"), failure, Timestamps.get(rows, "created_at"),
				Timestamps.get(rows, "updated_at"), parent);
	}

}
