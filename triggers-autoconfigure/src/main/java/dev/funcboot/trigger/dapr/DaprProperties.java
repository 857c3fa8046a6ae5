package dev.funcboot.trigger.dapr;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Funcboot's side of Dapr. Where the sidecar is comes from the Dapr starter's {@code dapr.client.*}
 * properties, or Dapr's environment variables ({@code DAPR_HTTP_ENDPOINT}, {@code DAPR_HTTP_PORT},
 * {@code DAPR_GRPC_PORT}, {@code DAPR_API_TOKEN}).
 */
@ConfigurationProperties("funcboot.dapr")
public class DaprProperties {

	/** Default of {@link #getPublishTimeout()}. */
	public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Token the sidecar must present in the dapr-api-token header on its calls to the application
	 * (Dapr's app API token); defaults to the APP_API_TOKEN environment variable. Unset accepts
	 * every call.
	 */
	private String appApiToken;

	/** How long publishing one result to Dapr pub/sub may take before the event is retried. */
	private Duration publishTimeout = DEFAULT_PUBLISH_TIMEOUT;

	/**
	 * Largest request the sidecar may deliver (an event, a bulk request, a binding call); a larger
	 * topic event is dropped with the reason, a larger binding call gets 413.
	 */
	private DataSize maxEventSize = DataSize.ofMegabytes(16);

	/**
	 * How many entries of one bulk delivery run at once (never more than the function's
	 * max-concurrency).
	 */
	private int bulkParallelism = 8;

	/** How long a call through DaprServiceInvoker may take. */
	private Duration invokeTimeout = Duration.ofSeconds(30);

	/** How long a sidecar health check waits for an answer. */
	private Duration healthTimeout = Duration.ofSeconds(1);

	/** How long a sidecar health check's result is reused by health and the Actuator endpoint. */
	private Duration healthCacheTime = Duration.ofSeconds(5);

	public String getAppApiToken() {
		return this.appApiToken;
	}

	public void setAppApiToken(String appApiToken) {
		this.appApiToken = appApiToken;
	}

	public Duration getPublishTimeout() {
		return this.publishTimeout;
	}

	public void setPublishTimeout(Duration publishTimeout) {
		this.publishTimeout = publishTimeout;
	}

	public DataSize getMaxEventSize() {
		return this.maxEventSize;
	}

	public void setMaxEventSize(DataSize maxEventSize) {
		this.maxEventSize = maxEventSize;
	}

	public int getBulkParallelism() {
		return this.bulkParallelism;
	}

	public void setBulkParallelism(int bulkParallelism) {
		this.bulkParallelism = bulkParallelism;
	}

	public Duration getInvokeTimeout() {
		return this.invokeTimeout;
	}

	public void setInvokeTimeout(Duration invokeTimeout) {
		this.invokeTimeout = invokeTimeout;
	}

	public Duration getHealthTimeout() {
		return this.healthTimeout;
	}

	public void setHealthTimeout(Duration healthTimeout) {
		this.healthTimeout = healthTimeout;
	}

	public Duration getHealthCacheTime() {
		return this.healthCacheTime;
	}

	public void setHealthCacheTime(Duration healthCacheTime) {
		this.healthCacheTime = healthCacheTime;
	}

}
