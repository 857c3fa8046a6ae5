package dev.funcboot.scaling;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the declared triggers turn into KEDA scale rules ({@code funcboot.scaling.*}), shown by the
 * {@code scaling} Actuator endpoint and written into the Container Apps manifest.
 */
@ConfigurationProperties("funcboot.scaling")
public class ScalingProperties {

	/** Least replicas; 0 lets the app scale to zero when no rule is active. */
	private int minReplicas = 0;

	/** Most replicas. */
	private int maxReplicas = 10;

	/** Concurrent HTTP requests per replica before Container Apps adds one. */
	private int httpConcurrentRequests = 10;

	/** Messages per replica of a Storage queue rule; the function's batch size when unset. */
	private Integer queueLength;

	/** How long a timer's cron rule keeps a replica after the scheduled minute. */
	private Duration timerWindow = Duration.ofMinutes(5);

	/**
	 * Container Apps secret holding each named connection's connection string, by connection name
	 * ('default', 'AzureWebJobsStorage', ...); '<connection>-connection' when not listed.
	 */
	private Map<String, String> secrets = new LinkedHashMap<>();

	public int getMinReplicas() {
		return this.minReplicas;
	}

	public void setMinReplicas(int minReplicas) {
		this.minReplicas = minReplicas;
	}

	public int getMaxReplicas() {
		return this.maxReplicas;
	}

	public void setMaxReplicas(int maxReplicas) {
		this.maxReplicas = maxReplicas;
	}

	public int getHttpConcurrentRequests() {
		return this.httpConcurrentRequests;
	}

	public void setHttpConcurrentRequests(int httpConcurrentRequests) {
		this.httpConcurrentRequests = httpConcurrentRequests;
	}

	public Integer getQueueLength() {
		return this.queueLength;
	}

	public void setQueueLength(Integer queueLength) {
		this.queueLength = queueLength;
	}

	public Duration getTimerWindow() {
		return this.timerWindow;
	}

	public void setTimerWindow(Duration timerWindow) {
		this.timerWindow = timerWindow;
	}

	public Map<String, String> getSecrets() {
		return this.secrets;
	}

	public void setSecrets(Map<String, String> secrets) {
		this.secrets = secrets;
	}

	/** The secret of a named connection. */
	public String secretFor(String connection) {
		String secret = this.secrets.get(connection);
		return (secret != null) ? secret : ScaleRule.ruleName(connection, "connection");
	}

}
