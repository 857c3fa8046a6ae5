package dev.funcboot.trigger.cosmos;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The Cosmos DB change feed trigger: connections and how failed batches are retried. */
@ConfigurationProperties("funcboot.cosmos")
public class CosmosProperties {

	/** Whether change feed processors run; bindings are still resolved and validated when off. */
	private boolean enabled = true;

	/** Whether the processors start with the application context. */
	private boolean autoStartup = true;

	/** Attempts of a batch (the first included) for functions without a retry policy. */
	private int maxAttempts = 5;

	/** Delay between attempts for functions without a retry policy. */
	private Duration retryDelay = Duration.ofSeconds(1);

	/** Cosmos accounts by connection name ('default' unless the trigger names another). */
	private Map<String, Connection> connections = new LinkedHashMap<>();

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

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getRetryDelay() {
		return this.retryDelay;
	}

	public void setRetryDelay(Duration retryDelay) {
		this.retryDelay = retryDelay;
	}

	public Map<String, Connection> getConnections() {
		return this.connections;
	}

	public void setConnections(Map<String, Connection> connections) {
		this.connections = connections;
	}

	public static class Connection {

		/** Account endpoint, e.g. 'https://myaccount.documents.azure.com:443/'. */
		private String endpoint;

		/** Account key; without one the application's TokenCredential (or DefaultAzureCredential) is used. */
		private String key;

		public String getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(String endpoint) {
			this.endpoint = endpoint;
		}

		public String getKey() {
			return this.key;
		}

		public void setKey(String key) {
			this.key = key;
		}

	}

}
