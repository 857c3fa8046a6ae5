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

	/**
	 * The history for a step of the instance: the cached one when it is still what the table holds,
	 * extended with the rows added since; otherwise the whole history, read and cached afresh. The
	 * check costs one query returning the first row, the last cached row and the new ones.
	 */
	List<HistoryEvent> loadForStep(Connection connection, String instanceId, HistoryCache cache) throws SQLException {
		HistoryCache.Entry cached = cache.get(instanceId);
		if (cached != null) {
			List<HistoryEvent> extended = extend(connection, instanceId, cached, cache);
			if (extended != null) {
				return extended;
			}
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT seq, type, payload FROM " + TABLE + " WHERE instance_id = ? ORDER BY seq")) {
			statement.setString(1, instanceId);
			List<HistoryEvent> history = new ArrayList<>();
			String first = null;
			String last = null;
			boolean numbered = true;
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					numbered &= rows.getInt(1) == history.size() + 1;
					last = rows.getString(3);
					first = (first != null) ? first : last;
					history.add(this.codec.read(rows.getString(2), last));
				}
			}
			List<HistoryEvent> events = List.copyOf(history);
			if (numbered && !events.isEmpty()) {
				cache.put(instanceId, new HistoryCache.Entry(events, first, last));
			}
			else {
				cache.remove(instanceId);
			}
			return events;
		}
	}

	/** The cached history and the rows after it, or null when the table holds another history now. */
	private List<HistoryEvent> extend(Connection connection, String instanceId, HistoryCache.Entry cached,
			HistoryCache cache) throws SQLException {
		int lastSeq = cached.lastSeq();
		try (PreparedStatement statement = connection.prepareStatement("SELECT seq, type, payload FROM " + TABLE
				+ " WHERE instance_id = ? AND (seq = 1 OR seq >= ?) ORDER BY seq")) {
			statement.setString(1, instanceId);
			statement.setInt(2, lastSeq);
			List<HistoryEvent> added = new ArrayList<>();
			String last = cached.lastPayload();
			boolean firstSeen = false;
			boolean lastSeen = false;
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					int seq = rows.getInt(1);
					String payload = rows.getString(3);
					if (seq == 1) {
						if (!payload.equals(cached.firstPayload())) {
							return null;
						}
						firstSeen = true;
					}
					if (seq == lastSeq) {
						if (!payload.equals(cached.lastPayload())) {
							return null;
						}
						lastSeen = true;
					}
					else if (seq > lastSeq) {
						if (seq != lastSeq + added.size() + 1) {
							return null;
						}
						added.add(this.codec.read(rows.getString(2), payload));
						last = payload;
					}
				}
			}
			if (!firstSeen || !lastSeen) {
				return null;
			}
			if (added.isEmpty()) {
				return cached.events();
			}
			List<HistoryEvent> events = new ArrayList<>(cached.events().size() + added.size());
			events.addAll(cached.events());
			events.addAll(added);
			List<HistoryEvent> extended = List.copyOf(events);
			cache.put(instanceId, new HistoryCache.Entry(extended, cached.firstPayload(), last));
			return extended;
		}
	}

	/** Appends events after the last one; the caller holds the instance's row lock. */
	void append(Connection connection, String instanceId, List<HistoryEvent> events, Instant created)
			throws SQLException {
		append(connection, instanceId, events, created, -1);
	}

	/**
	 * Appends events after the last one; the caller holds the instance's row lock.
	 * @param lastSeq the {@code seq} of the last stored event when the caller knows it (the step read
	 * the history under the lease it still holds), or -1 to read it
	 */
	void append(Connection connection, String instanceId, List<HistoryEvent> events, Instant created, int lastSeq)
			throws SQLException {
		if (events.isEmpty()) {
			return;
		}
		int seq = (lastSeq >= 0) ? lastSeq : lastSeq(connection, instanceId);
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
