package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import dev.funcboot.durable.store.ActivityWorkItem;
import dev.funcboot.durable.store.InstanceState;

/**
 * PostgreSQL: each claim is one statement that picks the oldest eligible row with
 * {@code FOR UPDATE SKIP LOCKED} and leases it. Under READ COMMITTED a row another claimer leased
 * after this statement's snapshot is re-checked against the conditions once locked, so two
 * claimers never lease the same row. An instance is claimed with {@code FOR NO KEY UPDATE} (what
 * the lease's {@code UPDATE} takes anyway) and messages are added under {@code FOR KEY SHARE}, so
 * activity results and raised events for a busy instance neither queue behind one another, nor
 * behind a step's commit ({@code FOR NO KEY UPDATE}), nor make a claim skip the instance; purge and
 * new executions still exclude them ({@code FOR UPDATE}).
 */
final class PostgresDialect implements DialectSql {

	private static final String CLAIM_INSTANCE = "WITH next AS (SELECT i.id FROM " + InboxTable.TABLE + " m JOIN "
			+ InstanceTable.TABLE + " i ON i.id = m.instance_id"
			+ " WHERE m.visible_at <= ? AND (i.locked_until IS NULL OR i.locked_until <= ?)"
			+ " AND (i.status IS NULL OR i.status <> 'SUSPENDED' OR m.type IN " + InboxTable.LIFECYCLE_TYPES + ")"
			+ " ORDER BY m.visible_at, m.id LIMIT 1 FOR NO KEY UPDATE OF i SKIP LOCKED)"
			+ " UPDATE " + InstanceTable.TABLE + " t SET lock_owner = ?, lock_token = ?, locked_until = ?"
			+ " FROM next WHERE t.id = next.id RETURNING "
			+ Arrays.stream(InstanceTable.COLUMNS.split(", ")).map((c) -> "t." + c).collect(Collectors.joining(", "));

	private static final String CLAIM_ACTIVITY = "UPDATE " + ActivityTable.TABLE
			+ " SET dequeue_count = dequeue_count + 1, lock_owner = ?, lock_token = ?, locked_until = ?, visible_at = ?"
			+ " WHERE id = (SELECT id FROM " + ActivityTable.TABLE
			+ " WHERE " + ActivityTable.DUE + " ORDER BY visible_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)"
			+ " RETURNING " + ActivityTable.COLUMNS;

	@Override
	public String messageLock() {
		return "FOR KEY SHARE";
	}

	@Override
	public String stepLock() {
		return "FOR NO KEY UPDATE";
	}

	@Override
	public void insertInstanceIfAbsent(Connection connection, String id) throws SQLException {
		Sql.update(connection, "INSERT INTO " + InstanceTable.TABLE + " (id) VALUES (?) ON CONFLICT (id) DO NOTHING", id);
	}

	@Override
	public InstanceState claimInstance(Connection connection, String owner, String token, Instant now, Instant until)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(CLAIM_INSTANCE)) {
			Timestamps.set(statement, 1, Timestamps.floor(now));
			Timestamps.set(statement, 2, Timestamps.floor(now));
			statement.setString(3, owner);
			statement.setString(4, token);
			Timestamps.set(statement, 5, Timestamps.ceil(until));
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? InstanceTable.map(rows, now) : null;
			}
		}
	}

	@Override
	public ActivityWorkItem claimActivity(Connection connection, String owner, String token, Instant now,
			Instant until) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(CLAIM_ACTIVITY)) {
			statement.setString(1, owner);
			statement.setString(2, token);
			Timestamps.set(statement, 3, Timestamps.ceil(until));
			Timestamps.set(statement, 4, Timestamps.ceil(until));
			Timestamps.set(statement, 5, Timestamps.floor(now));
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? ActivityTable.map(rows) : null;
			}
		}
	}

}
