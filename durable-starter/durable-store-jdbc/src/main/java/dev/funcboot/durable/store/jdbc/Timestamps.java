package dev.funcboot.durable.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in timestamp columns, kept to the microsecond (PostgreSQL's precision, used for H2 too
 * so both behave alike). Times a message becomes visible or a lease ends are rounded up, and the
 * {@code now} they are compared with is rounded down, so nothing is handed out early.
 */
final class Timestamps {

	private Timestamps() {
	}

	/** Rounded down: creation and update times, and {@code now} in comparisons. */
	static OffsetDateTime floor(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
				: null;
	}

	/** Rounded up: when a message becomes visible, when a lease ends. */
	static OffsetDateTime ceil(Instant instant) {
		return OffsetDateTime.ofInstant(ceilInstant(instant), ZoneOffset.UTC);
	}

	static Instant ceilInstant(Instant instant) {
		Instant floor = instant.truncatedTo(ChronoUnit.MICROS);
		return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.MICROS);
	}

	static void set(PreparedStatement statement, int index, OffsetDateTime value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
		}
		else {
			statement.setObject(index, value);
		}
	}

	static Instant get(ResultSet rows, String column) throws SQLException {
		OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
