package dev.funcboot.trigger.timer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Timer trigger settings shared by every timer function. */
@ConfigurationProperties("funcboot.timer")
public class TimerProperties {

	/**
	 * Whether timer functions run in this application. When false, timer bindings are still
	 * validated and listed, but nothing is scheduled.
	 */
	private boolean enabled = true;

	/**
	 * Whether the scheduler thread starts with the application. When false, timers run only when
	 * TimerScheduler#fireDue is called, as tests that move a settable clock do.
	 */
	private boolean autoStartup = true;

	/** Time zone of timer schedules that do not name one. Defaults to UTC. */
	private ZoneId timeZone = TimerScheduler.DEFAULT_TIME_ZONE;

	/**
	 * Longest time the scheduler waits between two checks of the clock; bounds how late it
	 * follows a changed clock or takes over a timer whose lock another replica released.
	 */
	private Duration checkInterval = TimerScheduler.DEFAULT_CHECK_INTERVAL;

	/** How long stopping the application waits for running timer functions before interrupting them. */
	private Duration shutdownTimeout = TimerScheduler.DEFAULT_SHUTDOWN_TIMEOUT;

	/**
	 * Directory of the schedule monitor's status files (one per timer) when no database
	 * coordinates timers. Kept in memory when unset, so missed occurrences are then not detected
	 * across restarts.
	 */
	private Path monitorDirectory;

	/** Coordination of replicas through the application's DataSource. */
	private final Jdbc jdbc = new Jdbc();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public ZoneId getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(ZoneId timeZone) {
		this.timeZone = timeZone;
	}

	public Duration getCheckInterval() {
		return this.checkInterval;
	}

	public void setCheckInterval(Duration checkInterval) {
		this.checkInterval = checkInterval;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Path getMonitorDirectory() {
		return this.monitorDirectory;
	}

	public void setMonitorDirectory(Path monitorDirectory) {
		this.monitorDirectory = monitorDirectory;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	public static class Jdbc {

		/** Default of {@link #getLockAtMostFor()}. */
		public static final Duration DEFAULT_LOCK_AT_MOST_FOR = Duration.ofMinutes(1);

		/**
		 * Whether timers coordinate through the application's DataSource, when it has exactly
		 * one: a ShedLock lock and a status table, so each occurrence runs once across replicas.
		 */
		private boolean enabled = true;

		/** Whether to create the lock and status tables when they do not exist. */
		private boolean initializeSchema = true;

		/** Name of ShedLock's lock table, optionally schema-qualified. */
		private String lockTable = TimerJdbcSchema.DEFAULT_LOCK_TABLE;

		/** Name of the schedule status table, optionally schema-qualified. */
		private String statusTable = TimerJdbcSchema.DEFAULT_STATUS_TABLE;

		/**
		 * How long a timer's lock outlives a replica that died holding it. A running timer
		 * renews its lock, so a long run keeps it. At least 30 seconds.
		 */
		private Duration lockAtMostFor = DEFAULT_LOCK_AT_MOST_FOR;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(boolean initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getLockTable() {
			return this.lockTable;
		}

		public void setLockTable(String lockTable) {
			this.lockTable = lockTable;
		}

		public String getStatusTable() {
			return this.statusTable;
		}

		public void setStatusTable(String statusTable) {
			this.statusTable = statusTable;
		}

		public Duration getLockAtMostFor() {
			return this.lockAtMostFor;
		}

		public void setLockAtMostFor(Duration lockAtMostFor) {
			this.lockAtMostFor = lockAtMostFor;
		}

	}

}
