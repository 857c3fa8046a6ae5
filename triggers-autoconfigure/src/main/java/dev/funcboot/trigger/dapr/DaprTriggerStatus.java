package dev.funcboot.trigger.dapr;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.binding.DaprTopicTriggerBinding;

/**
 * Reports a Dapr trigger ({@code dapr-topic} or {@code dapr-binding}) to the Actuator endpoint and
 * health: running while the sidecar is reachable (without it no event arrives), and per function
 * whether it is available, why not, and how its events were answered.
 */
final class DaprTriggerStatus implements TriggerStatus {

	private final String type;

	private final DaprSidecarProbe probe;

	private final DaprDeliveryCounts counts;

	DaprTriggerStatus(String type, DaprSidecarProbe probe, DaprDeliveryCounts counts) {
		this.type = type;
		this.probe = probe;
		this.counts = counts;
	}

	@Override
	public String triggerType() {
		return this.type;
	}

	@Override
	public boolean isRunning() {
		return this.probe.state().reachable();
	}

	@Override
	public Map<String, Object> details(String function) {
		DaprSidecarProbe.State state = this.probe.state();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("available", state.reachable());
		if (!state.reachable()) {
			details.put("unavailableReason", state.detail());
		}
		details.put("sidecar", this.probe.endpoint());
		boolean topic = DaprTopicTriggerBinding.TYPE.equals(this.type);
		details.put("events", topic
				? this.counts.counts(function, DaprDeliveryCounts.SUCCESS, DaprDeliveryCounts.RETRY,
						DaprDeliveryCounts.DROP)
				: this.counts.counts(function, DaprDeliveryCounts.SUCCESS, DaprDeliveryCounts.FAILED,
						DaprDeliveryCounts.REJECTED));
		details.put(topic ? "lastDropReason" : "lastRejectionReason", this.counts.lastDropReason(function));
		return details;
	}

}
