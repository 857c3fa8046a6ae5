package dev.funcboot.trigger.timer;

import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lock and status tables, created with {@code CREATE TABLE IF NOT EXISTS} in SQL that H2 and
 * PostgreSQL both accept. The lock table has ShedLock's layout.
 */
final class TimerJdbcSchema {

	static final String DEFAULT_LOCK_TABLE = "shedlock";

	static final String DEFAULT_STATUS_TABLE = "funcboot_timer_status";

	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	private static final Log logger = LogFactory.getLog(TimerJdbcSchema.class);

	private final JdbcTemplate jdbc;

	private final String lockTable;

	private final String statusTable;

	TimerJdbcSchema(JdbcTemplate jdbc, String lockTable, String statusTable) {
		this.jdbc = jdbc;
		this.lockTable = checkName("funcboot.timer.jdbc.lock-table", lockTable);
		this.statusTable = checkName("funcboot.timer.jdbc.status-table", statusTable);
	}

	String lockTable() {
		return this.lockTable;
	}

	String statusTable() {
		return this.statusTable;
	}

	/** Creates the tables that do not exist yet. */
	void initialize() {
		create(this.lockTable, "CREATE TABLE IF NOT EXISTS " + this.lockTable + " (name VARCHAR(255) NOT NULL, "
				+ "lock_until TIMESTAMP NOT NULL, locked_at TIMESTAMP NOT NULL, locked_by VARCHAR(255) NOT NULL, "
				+ "PRIMARY KEY (name))");
		create(this.statusTable, "CREATE TABLE IF NOT EXISTS " + this.statusTable + " (name VARCHAR(255) NOT NULL, "
				+ "last_occurrence TIMESTAMP WITH TIME ZONE, next_occurrence TIMESTAMP WITH TIME ZONE, "
				+ "last_updated TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (name))");
	}

	private void create(String table, String ddl) {
		try {
			this.jdbc.execute(ddl);
		}
		catch (DataAccessException ex) {
			// replicas starting together: PostgreSQL can fail one CREATE TABLE IF NOT EXISTS of two
			if (!exists(table)) {
				throw new IllegalStateException("Cannot create the timer table '" + table + "': " + ex.getMessage()
						+ ". Grant the right to create it, or create it yourself and set "
						+ "funcboot.timer.jdbc.initialize-schema=false. DDL: " + ddl, ex);
			}
			logger.debug("Timer table '" + table + "' was created concurrently", ex);
		}
	}

	private boolean exists(String table) {
		try {
			this.jdbc.queryForList("SELECT 1 FROM " + table + " WHERE 1 = 0");
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	private static String checkName(String property, String name) {
		if (name == null || !TABLE_NAME.matcher(name).matches()) {
			throw new IllegalStateException(property + " '" + name + "' is not a table name; use letters, digits "
					+ "and underscores, optionally prefixed by a schema and a dot");
		}
		return name;
	}

}
