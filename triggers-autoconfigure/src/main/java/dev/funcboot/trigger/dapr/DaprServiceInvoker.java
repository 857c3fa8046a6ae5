package dev.funcboot.trigger.dapr;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.HttpExtension;
import io.dapr.utils.TypeRef;

/**
 * Calls a function of another Dapr application by its app id, through Dapr service invocation
 * ({@code <sidecar>/v1.0/invoke/<app-id>/method/<path>}): the other application's sidecar finds
 * it, retries per its resiliency policy, and secures the call with mTLS. The path is the target
 * function's HTTP trigger route with its prefix, e.g. {@code api/orders}. Blocks up to
 * {@code funcboot.dapr.invoke-timeout}. Thread-safe.
 *
 * <pre>{@code
 * Approval approval = invoker.post("approvals", "api/approvals", order, Approval.class);
 * }</pre>
 */
public final class DaprServiceInvoker {

	private final DaprClient client;

	private final Duration timeout;

	public DaprServiceInvoker(DaprClient client, Duration timeout) {
		this.client = Objects.requireNonNull(client, "client");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
	}

	/** {@code POST}s the input as JSON and reads the answer as the response type ({@code Void} for none). */
	public <T> T post(String appId, String path, Object input, Class<T> responseType) {
		return call(appId, path, HttpExtension.POST, input, Map.of(), TypeRef.get(responseType));
	}

	/** As {@link #post(String, String, Object, Class)}, with headers such as {@code x-functions-key}. */
	public <T> T post(String appId, String path, Object input, Map<String, String> headers, Class<T> responseType) {
		return call(appId, path, HttpExtension.POST, input, headers, TypeRef.get(responseType));
	}

	/** {@code GET}s the path and reads the answer as the response type. */
	public <T> T get(String appId, String path, Map<String, String> headers, Class<T> responseType) {
		return call(appId, path, HttpExtension.GET, null, headers, TypeRef.get(responseType));
	}

	private <T> T call(String appId, String path, HttpExtension method, Object input, Map<String, String> headers,
			TypeRef<T> type) {
		if (appId == null || appId.isBlank()) {
			throw new IllegalArgumentException("appId is required: the target application's Dapr app id");
		}
		String target = (path.startsWith("/")) ? path.substring(1) : path;
		try {
			return this.client.invokeMethod(appId, target, input, method, headers, type).block(this.timeout);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Dapr service invocation of app '" + appId + "' " + method.getMethod()
					+ " /" + target + " failed: " + ex.getMessage(), ex);
		}
	}

}
