package dev.funcboot.trigger.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** HTTP trigger settings shared by every HTTP function. */
@ConfigurationProperties("funcboot.http")
public class HttpTriggerProperties {

	/** Default route prefix, as in Azure Functions. */
	public static final String DEFAULT_ROUTE_PREFIX = "api";

	/** Path segment(s) in front of every function route; may be empty. */
	private String routePrefix = DEFAULT_ROUTE_PREFIX;

	/** Largest accepted request body; larger requests get 413. */
	private DataSize maxRequestBodySize = DataSize.ofMegabytes(10);

	/**
	 * Whether Spring Cloud Function's own web endpoints (spring-cloud-function-web) may expose
	 * every function bean at '/{name}', around the keys. Off by default: a function is reachable
	 * over HTTP only through its HTTP trigger.
	 */
	private boolean exposeFunctionWeb = false;

	public String getRoutePrefix() {
		return this.routePrefix;
	}

	public void setRoutePrefix(String routePrefix) {
		this.routePrefix = routePrefix;
	}

	public DataSize getMaxRequestBodySize() {
		return this.maxRequestBodySize;
	}

	public void setMaxRequestBodySize(DataSize maxRequestBodySize) {
		this.maxRequestBodySize = maxRequestBodySize;
	}

	public boolean isExposeFunctionWeb() {
		return this.exposeFunctionWeb;
	}

	public void setExposeFunctionWeb(boolean exposeFunctionWeb) {
		this.exposeFunctionWeb = exposeFunctionWeb;
	}

}
