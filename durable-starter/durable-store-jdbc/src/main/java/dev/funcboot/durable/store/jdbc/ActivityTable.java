package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import dev.funcboot.durable.store.ActivityRequest;
import dev.funcboot.durable.store.ActivityWorkItem;

/**
 * SQL on {@code funcboot_durable_activities}. A call never handed out is due at once, whatever the
 * claimer's clock says (replicas' clocks differ a little); handing it out moves {@code
 * visible_at} from its scheduling time to the end of the lease, so the call is handed out again
 * once the lease ends if its worker never completes it. Calls go oldest {@code visible_at} first.
 */
final class ActivityTable {

	static final String TABLE = "funcboot_durable_activities";

	static final String COLUMNS = "id, instance_id, task_id, name, input, dequeue_count, lock_token, locked_until";

	/** Whether a call may be handed out at the time bound to the parameter. */
	static final String DUE = "(lock_token IS NULL OR visible_at <= ?)";

	private ActivityTable() {
	}

	static void insert(Connection connection, List<ActivityRequest> requests, Instant visibleAt) throws SQLException {
		if (requests.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + TABLE
				+ " (instance_id, task_id, name, input, dequeue_count, visible_at) VALUES (?, ?, ?, ?, 0, ?)")) {
			for (ActivityRequest request : requests) {
				statement.setString(1, request.instanceId());
				statement.setInt(2, request.taskId());
				statement.setString(3, request.name());
				statement.setString(4, request.input());
				Timestamps.set(statement, 5, Timestamps.ceil(visibleAt));
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/** Takes the lease of a call that is visible, counting the hand-out; false when it is not. */
	static boolean claim(Connection connection, long id, String owner, String token, Instant until, Instant now)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + TABLE
				+ " SET dequeue_count = dequeue_count + 1, lock_owner = ?, lock_token = ?, locked_until = ?,"
				+ " visible_at = ? WHERE id = ? AND " + DUE)) {
			statement.setString(1, owner);
			statement.setString(2, token);
			Timestamps.set(statement, 3, Timestamps.ceil(until));
			Timestamps.set(statement, 4, Timestamps.ceil(until));
			statement.setLong(5, id);
			Timestamps.set(statement, 6, Timestamps.floor(now));
			return statement.executeUpdate() == 1;
		}
	}

	/** Extends the lease of a call still held with this token; false when the lease was lost. */
	static boolean renew(Connection connection, String id, String token, Instant until) throws SQLException {
		long key;
		try {
			key = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"UPDATE " + TABLE + " SET locked_until = ?, visible_at = ? WHERE id = ? AND lock_token = ?")) {
			Timestamps.set(statement, 1, Timestamps.ceil(until));
			Timestamps.set(statement, 2, Timestamps.ceil(until));
			statement.setLong(3, key);
			statement.setString(4, token);
			return statement.executeUpdate() == 1;
		}
	}

	static ActivityWorkItem find(Connection connection, long id) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ?")) {
			statement.setLong(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? map(rows) : null;
			}
		}
	}

	/** Deletes the call if the token still holds its lease. */
	static boolean delete(Connection connection, String id, String token) throws SQLException {
		long key;
		try {
			key = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		return Sql.update(connection, "DELETE FROM " + TABLE + " WHERE id = ? AND lock_token = ?", key, token) == 1;
	}

	static void deleteAll(Connection connection, String instanceId) throws SQLException {
		Sql.update(connection, "DELETE FROM " + TABLE + " WHERE instance_id = ?", instanceId);
	}

	static ActivityWorkItem map(ResultSet rows) throws SQLException {
		return new ActivityWorkItem(Long.toString(rows.getLong("id")), rows.getString("instance_id"),
				rows.getInt("task_id"), rows.getString("name"), rows.getString("input"), rows.getInt("dequeue_count"),
				rows.getString("lock_token"), Timestamps.get(rows, "locked_until"));
	}

}
