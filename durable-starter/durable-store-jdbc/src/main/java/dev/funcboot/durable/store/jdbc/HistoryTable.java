package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.funcboot.durable.history.HistoryEvent;

/** SQL on {@code funcboot_durable_history}: one row per event, numbered from 1 per execution. */
final class HistoryTable {

	static final String TABLE = "funcboot_durable_history";

	private final HistoryEventCodec codec;

	HistoryTable(HistoryEventCodec codec) {
		this.codec = codec;
	}

	List<HistoryEvent> load(Connection connection, String instanceId) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT type, payload FROM " + TABLE + " WHERE instance_id = ? ORDER BY seq")) {
			statement.setString(1, instanceId);
			List<HistoryEvent> history = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					history.add(this.codec.read(rows.getString(1), rows.getString(2)));
				}
			}
			return history;
		}
	}

	/** Appends events after the last one; the caller holds the instance's row lock. */
	void append(Connection connection, String instanceId, List<HistoryEvent> events, Instant created)
			throws SQLException {
		if (events.isEmpty()) {
			return;
		}
		int seq = lastSeq(connection, instanceId);
		try (PreparedStatement statement = connection.prepareStatement(
				"INSERT INTO " + TABLE + " (instance_id, seq, type, payload, created) VALUES (?, ?, ?, ?, ?)")) {
			for (HistoryEvent event : events) {
				statement.setString(1, instanceId);
				statement.setInt(2, ++seq);
				statement.setString(3, HistoryEventCodec.typeOf(event));
				statement.setString(4, this.codec.write(event));
				Timestamps.set(statement, 5, Timestamps.floor(created));
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	static void delete(Connection connection, String instanceId) throws SQLException {
		Sql.update(connection, "DELETE FROM " + TABLE + " WHERE instance_id = ?", instanceId);
	}

	private static int lastSeq(Connection connection, String instanceId) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT MAX(seq) FROM " + TABLE + " WHERE instance_id = ?")) {
			statement.setString(1, instanceId);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getInt(1) : 0;
			}
		}
	}

}
