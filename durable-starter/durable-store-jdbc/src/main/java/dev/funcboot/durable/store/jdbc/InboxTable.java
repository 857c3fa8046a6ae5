package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.store.InboxMessage;

/** SQL on {@code funcboot_durable_inbox}: events waiting for their instance's next step. */
final class InboxTable {

	static final String TABLE = "funcboot_durable_inbox";

	/** What a suspended instance is still handed out for, as a SQL list of type names. */
	static final String LIFECYCLE_TYPES = "('ExecutionResumed', 'ExecutionTerminated', 'ExecutionSuspended')";

	private final HistoryEventCodec codec;

	InboxTable(HistoryEventCodec codec) {
		this.codec = codec;
	}

	void insert(Connection connection, String instanceId, HistoryEvent event, Instant visibleAt) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"INSERT INTO " + TABLE + " (instance_id, type, payload, visible_at) VALUES (?, ?, ?, ?)")) {
			statement.setString(1, instanceId);
			statement.setString(2, HistoryEventCodec.typeOf(event));
			statement.setString(3, this.codec.write(event));
			Timestamps.set(statement, 4, Timestamps.ceil(visibleAt));
			statement.executeUpdate();
		}
	}

	/** The instance's visible messages, oldest first; only lifecycle ones for a suspended instance. */
	List<InboxMessage> visible(Connection connection, String instanceId, Instant now, boolean suspended)
			throws SQLException {
		String sql = "SELECT id, type, payload FROM " + TABLE + " WHERE instance_id = ? AND visible_at <= ?"
				+ (suspended ? " AND type IN " + LIFECYCLE_TYPES : "") + " ORDER BY visible_at, id";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, instanceId);
			Timestamps.set(statement, 2, Timestamps.floor(now));
			List<InboxMessage> messages = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					messages.add(new InboxMessage(Long.toString(rows.getLong(1)),
							this.codec.read(rows.getString(2), rows.getString(3))));
				}
			}
			return messages;
		}
	}

	static void delete(Connection connection, String instanceId, List<String> messageIds) throws SQLException {
		if (messageIds.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ? AND instance_id = ?")) {
			for (String messageId : messageIds) {
				Long id = parse(messageId);
				if (id != null) {
					statement.setLong(1, id);
					statement.setString(2, instanceId);
					statement.addBatch();
				}
			}
			statement.executeBatch();
		}
	}

	static void deleteAll(Connection connection, String instanceId) throws SQLException {
		Sql.update(connection, "DELETE FROM " + TABLE + " WHERE instance_id = ?", instanceId);
	}

	static boolean isEmpty(Connection connection, String instanceId) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE instance_id = ? FETCH FIRST 1 ROWS ONLY")) {
			statement.setString(1, instanceId);
			try (ResultSet rows = statement.executeQuery()) {
				return !rows.next();
			}
		}
	}

	static Instant earliestVisibleAt(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT MIN(visible_at) AS next FROM " + TABLE);
				ResultSet rows = statement.executeQuery()) {
			return rows.next() ? Timestamps.get(rows, "next") : null;
		}
	}

	/** A message id this store handed out, or null for one it never could have. */
	private static Long parse(String messageId) {
		try {
			return Long.valueOf(messageId);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
