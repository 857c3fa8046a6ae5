package dev.funcboot.trigger.timer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.funcboot.functions.timer.ScheduleStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/** Statuses in a table shared by the replicas: one row per timer. */
final class JdbcTimerStatusStore implements TimerStatusStore {

	private final JdbcTemplate jdbc;

	private final String select;

	private final String update;

	private final String insert;

	JdbcTimerStatusStore(JdbcTemplate jdbc, String table) {
		this.jdbc = jdbc;
		this.select = "SELECT last_occurrence, next_occurrence, last_updated FROM " + table + " WHERE name = ?";
		this.update = "UPDATE " + table + " SET last_occurrence = ?, next_occurrence = ?, last_updated = ? "
				+ "WHERE name = ?";
		this.insert = "INSERT INTO " + table + " (last_occurrence, next_occurrence, last_updated, name) "
				+ "VALUES (?, ?, ?, ?)";
	}

	@Override
	public ScheduleStatus read(String timer) {
		return this.jdbc.query(this.select, (rs) -> rs.next()
				? new ScheduleStatus(instant(rs, 1), instant(rs, 2), instant(rs, 3)) : null, timer);
	}

	@Override
	public void write(String timer, ScheduleStatus status) {
		Object[] args = { timestamp(status.last()), timestamp(status.next()), timestamp(status.lastUpdated()),
				timer };
		if (this.jdbc.update(this.update, args) > 0) {
			return;
		}
		try {
			this.jdbc.update(this.insert, args);
		}
		catch (DuplicateKeyException ex) {
			this.jdbc.update(this.update, args);
		}
	}

	private static SqlParameterValue timestamp(Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
				(instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
