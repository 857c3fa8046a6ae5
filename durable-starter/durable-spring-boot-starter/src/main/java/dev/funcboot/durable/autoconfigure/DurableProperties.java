package dev.funcboot.durable.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The durable runtime of this application. */
@ConfigurationProperties("funcboot.durable")
public class DurableProperties {

	/** Whether orchestrations run in this application (the client works either way). */
	private boolean enabled = true;

	/** Threads running orchestration steps. */
	private int orchestrationThreads = 1;

	/** Threads running activities. */
	private int activityThreads = 4;

	/** How long a worker holds an instance or activity before another worker may take it over. */
	private Duration lease = Duration.ofMinutes(1);

	/** Longest sleep of an idle worker before it looks for work again (work from other replicas). */
	private Duration maxPollInterval = Duration.ofMillis(500);

	/** Backlog (pending and running instances) per replica of the Container Apps scale rule. */
	private int scaleTargetBacklog = 20;

	public int getScaleTargetBacklog() {
		return this.scaleTargetBacklog;
	}

	public void setScaleTargetBacklog(int scaleTargetBacklog) {
		this.scaleTargetBacklog = scaleTargetBacklog;
	}

	/** An instance that made no progress for this long is reported as stuck by the 'durable' endpoint. */
	private Duration stuckAfter = Duration.ofMinutes(10);

	public Duration getStuckAfter() {
		return this.stuckAfter;
	}

	public void setStuckAfter(Duration stuckAfter) {
		this.stuckAfter = stuckAfter;
	}

	/** How long shutdown waits for running steps and activities. */
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	/** The HTTP management API (Durable Functions compatible). */
	private final Http http = new Http();

	/** The JDBC store, used when the application has a DataSource. */
	private final Jdbc jdbc = new Jdbc();

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	public Http getHttp() {
		return this.http;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getOrchestrationThreads() {
		return this.orchestrationThreads;
	}

	public void setOrchestrationThreads(int orchestrationThreads) {
		this.orchestrationThreads = orchestrationThreads;
	}

	public int getActivityThreads() {
		return this.activityThreads;
	}

	public void setActivityThreads(int activityThreads) {
		this.activityThreads = activityThreads;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public Duration getMaxPollInterval() {
		return this.maxPollInterval;
	}

	public void setMaxPollInterval(Duration maxPollInterval) {
		this.maxPollInterval = maxPollInterval;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public static class Http {

		/** Whether the management API is served (it always requires a host key or the master key). */
		private boolean enabled = true;

		/** Base path of the management API, as in Durable Functions. */
		private String basePath = "/runtime/webhooks/durabletask";

		/** Name of the host key embedded in the management URLs (created when missing). */
		private String systemKeyName = "durabletask_extension";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getBasePath() {
			return this.basePath;
		}

		public void setBasePath(String basePath) {
			this.basePath = basePath;
		}

		public String getSystemKeyName() {
			return this.systemKeyName;
		}

		public void setSystemKeyName(String systemKeyName) {
			this.systemKeyName = systemKeyName;
		}

	}

	public static class Jdbc {

		/** Whether orchestrations are stored in the application's DataSource when it has one. */
		private boolean enabled = true;

		/** Whether the store creates and migrates its tables (Flyway, own history table). */
		private boolean migrateSchema = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isMigrateSchema() {
			return this.migrateSchema;
		}

		public void setMigrateSchema(boolean migrateSchema) {
			this.migrateSchema = migrateSchema;
		}

	}

}
