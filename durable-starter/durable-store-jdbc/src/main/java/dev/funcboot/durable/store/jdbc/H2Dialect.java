package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.funcboot.durable.store.ActivityWorkItem;
import dev.funcboot.durable.store.InstanceState;

/**
 * H2 2.x. H2 has {@code FOR UPDATE SKIP LOCKED}, but applies {@code LIMIT} before skipping when
 * the order needs a sort or a join, so a limited claim query can come back empty while eligible
 * rows remain. Claims therefore read a page of candidates without locks, then lock them one by
 * one by primary key with {@code SKIP LOCKED}, re-checking eligibility on the locked row. Correct
 * under concurrency, with a few more round-trips than PostgreSQL.
 */
final class H2Dialect implements DialectSql {

	private static final int CANDIDATES = 32;

	private static final int ROUNDS = 100;

	private static final String INSTANCE_CANDIDATES = "SELECT m.instance_id FROM " + InboxTable.TABLE + " m JOIN "
			+ InstanceTable.TABLE + " i ON i.id = m.instance_id"
			+ " WHERE m.visible_at <= ? AND (i.locked_until IS NULL OR i.locked_until <= ?)"
			+ " AND (i.status IS NULL OR i.status <> 'SUSPENDED' OR m.type IN " + InboxTable.LIFECYCLE_TYPES + ")"
			+ " ORDER BY m.visible_at, m.id LIMIT " + CANDIDATES;

	private static final String LOCK_INSTANCE = "SELECT id FROM " + InstanceTable.TABLE
			+ " WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) FOR UPDATE SKIP LOCKED";

	private static final String ACTIVITY_CANDIDATES = "SELECT id FROM " + ActivityTable.TABLE
			+ " WHERE " + ActivityTable.DUE + " ORDER BY visible_at, id LIMIT " + CANDIDATES;

	private static final String LOCK_ACTIVITY = "SELECT id FROM " + ActivityTable.TABLE
			+ " WHERE id = ? AND " + ActivityTable.DUE + " FOR UPDATE SKIP LOCKED";

	/** H2 has no shared row locks. */
	@Override
	public String messageLock() {
		return "FOR UPDATE";
	}

	@Override
	public String stepLock() {
		return "FOR UPDATE";
	}

	@Override
	public void insertInstanceIfAbsent(Connection connection, String id) throws SQLException {
		try {
			Sql.update(connection, "INSERT INTO " + InstanceTable.TABLE + " (id) SELECT CAST(? AS VARCHAR(256))"
					+ " WHERE NOT EXISTS (SELECT 1 FROM " + InstanceTable.TABLE + " WHERE id = ?)", id, id);
		}
		catch (SQLException ex) {
			// a concurrent transaction inserted it first; H2 rolls back only the statement
			if (!"23505".equals(ex.getSQLState())) {
				throw ex;
			}
		}
	}

	@Override
	public InstanceState claimInstance(Connection connection, String owner, String token, Instant now, Instant until)
			throws SQLException {
		for (int round = 0; round < ROUNDS; round++) {
			Set<String> candidates = new LinkedHashSet<>();
			try (PreparedStatement statement = connection.prepareStatement(INSTANCE_CANDIDATES)) {
				Timestamps.set(statement, 1, Timestamps.floor(now));
				Timestamps.set(statement, 2, Timestamps.floor(now));
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						candidates.add(rows.getString(1));
					}
				}
			}
			if (candidates.isEmpty()) {
				return null;
			}
			for (String id : candidates) {
				if (lock(connection, LOCK_INSTANCE, id, now)
						&& InstanceTable.claim(connection, id, owner, token, until, now)) {
					return find(connection, id, now);
				}
			}
		}
		return null;
	}

	@Override
	public ActivityWorkItem claimActivity(Connection connection, String owner, String token, Instant now,
			Instant until) throws SQLException {
		for (int round = 0; round < ROUNDS; round++) {
			List<Long> candidates = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(ACTIVITY_CANDIDATES)) {
				Timestamps.set(statement, 1, Timestamps.floor(now));
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						candidates.add(rows.getLong(1));
					}
				}
			}
			if (candidates.isEmpty()) {
				return null;
			}
			for (long id : candidates) {
				if (lock(connection, LOCK_ACTIVITY, id, now)
						&& ActivityTable.claim(connection, id, owner, token, until, now)) {
					return ActivityTable.find(connection, id);
				}
			}
		}
		return null;
	}

	private static boolean lock(Connection connection, String sql, Object id, Instant now) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, id);
			Timestamps.set(statement, 2, Timestamps.floor(now));
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static InstanceState find(Connection connection, String id, Instant now) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + InstanceTable.COLUMNS + " FROM " + InstanceTable.TABLE + " WHERE id = ?")) {
			statement.setString(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? InstanceTable.map(rows, now) : null;
			}
		}
	}

}
