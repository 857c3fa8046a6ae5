package dev.funcboot.trigger.dapr;

import io.dapr.config.Properties;

/**
 * Where the sidecar's HTTP API is, and the token it wants: the configured values first (the Dapr
 * starter's {@code dapr.client.*}), then Dapr's own defaults ({@code DAPR_HTTP_ENDPOINT},
 * {@code DAPR_SIDECAR_IP}, {@code DAPR_HTTP_PORT} (3500), {@code DAPR_API_TOKEN}).
 *
 * @param httpEndpoint e.g. {@code http://127.0.0.1:3500}
 * @param apiToken the Dapr API token, or {@code null}
 */
record DaprSidecarAddress(String httpEndpoint, String apiToken) {

	static DaprSidecarAddress resolve(String httpEndpoint, Integer httpPort, String apiToken) {
		Properties dapr = new Properties();
		String endpoint = blankToNull(httpEndpoint);
		if (endpoint == null && httpPort != null) {
			endpoint = "http://" + dapr.getValue(Properties.SIDECAR_IP) + ":" + httpPort;
		}
		if (endpoint == null) {
			endpoint = blankToNull(dapr.getValue(Properties.HTTP_ENDPOINT));
		}
		if (endpoint == null) {
			endpoint = "http://" + dapr.getValue(Properties.SIDECAR_IP) + ":" + dapr.getValue(Properties.HTTP_PORT);
		}
		String token = (blankToNull(apiToken) != null) ? apiToken : blankToNull(dapr.getValue(Properties.API_TOKEN));
		return new DaprSidecarAddress(endpoint, token);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
