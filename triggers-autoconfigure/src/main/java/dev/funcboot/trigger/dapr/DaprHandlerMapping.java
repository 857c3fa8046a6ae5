package dev.funcboot.trigger.dapr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Maps the sidecar's calls to the application: {@code GET /dapr/subscribe}, the topic functions'
 * routes and the input bindings' routes. Ordered before the HTTP trigger and
 * {@code @RequestMapping} controllers (so it answers discovery instead of the Dapr SDK's
 * controller, including that controller's subscriptions). When an app API token is configured
 * ({@code APP_API_TOKEN}, as Dapr's sidecar sends it in {@code dapr-api-token}), calls without it
 * get 401.
 */
final class DaprHandlerMapping extends AbstractHandlerMapping {

	/** Before the HTTP trigger (-10) and after Actuator's endpoints (-100). */
	static final int ORDER = -20;

	static final String SUBSCRIBE_PATH = "/dapr/subscribe";

	private final HttpRequestHandler subscribe;

	private final Map<String, HttpRequestHandler> routes;

	private final byte[] appApiToken;

	DaprHandlerMapping(HttpRequestHandler subscribe, Map<String, HttpRequestHandler> routes, String appApiToken) {
		this.subscribe = subscribe;
		this.routes = Map.copyOf(routes);
		this.appApiToken = (appApiToken != null && !appApiToken.isEmpty()) ? digest(appApiToken) : null;
		setOrder(ORDER);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
		HttpRequestHandler handler = SUBSCRIBE_PATH.equals(path) ? this.subscribe : this.routes.get(path);
		if (handler == null) {
			return null;
		}
		return authorized(request) ? handler : unauthorized();
	}

	private boolean authorized(HttpServletRequest request) {
		if (this.appApiToken == null) {
			return true;
		}
		String presented = request.getHeader("dapr-api-token");
		// digests of equal length: the comparison reveals neither the token nor its length
		return presented != null && MessageDigest.isEqual(this.appApiToken, digest(presented));
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static HttpRequestHandler unauthorized() {
		return (request, response) -> {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"Missing or wrong dapr-api-token; only the Dapr sidecar calls this path\"}");
		};
	}

}
