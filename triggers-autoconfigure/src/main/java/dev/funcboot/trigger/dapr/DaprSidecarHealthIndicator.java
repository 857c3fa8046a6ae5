package dev.funcboot.trigger.dapr;

import java.util.List;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health {@code dapr}: UP while the sidecar answers, DOWN with the reason and the functions that
 * get no events while it does not. Without Dapr-bound functions an absent sidecar is UNKNOWN (the
 * application may use Dapr only now and then, or not at all here), so it does not take the
 * application's health down. Only reports: the application starts without a sidecar.
 */
final class DaprSidecarHealthIndicator extends AbstractHealthIndicator {

	private final DaprSidecarProbe probe;

	private final List<String> functions;

	DaprSidecarHealthIndicator(DaprSidecarProbe probe, List<String> functions) {
		super("Dapr sidecar health check failed");
		this.probe = probe;
		this.functions = List.copyOf(functions);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		DaprSidecarProbe.State state = this.probe.state();
		builder.withDetail("sidecar", this.probe.endpoint());
		if (state.reachable()) {
			builder.up().withDetail("functions", this.functions);
		}
		else if (this.functions.isEmpty()) {
			builder.unknown().withDetail("reason", state.detail());
		}
		else {
			builder.down().withDetail("reason", state.detail()).withDetail("unavailableFunctions", this.functions);
		}
	}

}
