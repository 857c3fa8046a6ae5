package dev.funcboot.trigger.dapr;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the Dapr sidecar answers its health API ({@code GET <http-endpoint>/v1.0/healthz}),
 * remembered for a short while so health checks and the Actuator endpoint do not call it on every
 * read. Never throws: an unreachable sidecar is a state, not a start-up failure.
 */
final class DaprSidecarProbe {

	/**
	 * @param reachable whether the sidecar answered healthy
	 * @param detail what was found, with the fix when it is not reachable
	 */
	record State(boolean reachable, String detail) {
	}

	private final String endpoint;

	private final String apiToken;

	private final Duration timeout;

	private final Duration remember;

	private final Clock clock;

	private final HttpClient http;

	private volatile State state;

	private volatile Instant checkedAt;

	DaprSidecarProbe(String endpoint, String apiToken, Duration timeout, Duration remember, Clock clock) {
		this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
		this.apiToken = apiToken;
		this.timeout = timeout;
		this.remember = remember;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	String endpoint() {
		return this.endpoint;
	}

	State state() {
		Instant now = this.clock.instant();
		State current = this.state;
		Instant at = this.checkedAt;
		if (current != null && at != null && now.isBefore(at.plus(this.remember))) {
			return current;
		}
		current = check();
		this.state = current;
		this.checkedAt = now;
		return current;
	}

	private State check() {
		String url = this.endpoint + "/v1.0/healthz";
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(this.timeout).GET();
			if (this.apiToken != null && !this.apiToken.isEmpty()) {
				request.header("dapr-api-token", this.apiToken);
			}
			HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 == 2) {
				return new State(true, "Dapr sidecar healthy at " + this.endpoint);
			}
			return new State(false, "Dapr sidecar at " + this.endpoint + " answered " + response.statusCode()
					+ " to GET /v1.0/healthz; it is starting or its components failed to load (see the daprd log)");
		}
		catch (IOException | IllegalArgumentException ex) {
			return new State(false, "Dapr sidecar not reachable at " + this.endpoint + " (" + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "") + "); run the application with "
					+ "'dapr run --app-id <id> --app-port <port> -- <command>', enable Dapr on the container app, "
					+ "or point dapr.client.http-endpoint (DAPR_HTTP_ENDPOINT / DAPR_HTTP_PORT) at the sidecar");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new State(false, "Interrupted while checking the Dapr sidecar at " + this.endpoint);
		}
	}

}
