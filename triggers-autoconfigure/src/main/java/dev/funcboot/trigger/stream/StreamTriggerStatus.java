package dev.funcboot.trigger.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.autoconfigure.TriggerStatus;

/**
 * Reports one broker trigger type ({@code kafka}, {@code rabbit}, {@code eventhub},
 * {@code servicebus}) to the Actuator endpoint and health: whether its bindings run, and per
 * function how its messages ended.
 */
final class StreamTriggerStatus implements TriggerStatus {

	private final String type;

	private final StreamTriggerBindings bindings;

	StreamTriggerStatus(String type, StreamTriggerBindings bindings) {
		this.type = type;
		this.bindings = bindings;
	}

	@Override
	public String triggerType() {
		return this.type;
	}

	@Override
	public boolean isRunning() {
		return this.bindings.isRunning();
	}

	@Override
	public Map<String, Object> details(String function) {
		StreamCounts counts = this.bindings.counts(function);
		Map<String, Object> messages = new LinkedHashMap<>();
		messages.put("completed", counts.completedCount());
		messages.put("retried", counts.retriedCount());
		messages.put("deadLettered", counts.deadLetteredCount());
		messages.put("settlementFailures", counts.settlementFailureCount());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("messages", messages);
		details.put("lastDeadLetterReason", counts.lastDeadLetterReason());
		details.put("listening", this.bindings.isRunning() && !this.bindings.isPaused(function));
		details.put("paused", this.bindings.isPaused(function));
		return details;
	}

	@Override
	public boolean pause(String function) {
		return isOwn(function) && this.bindings.pause(function);
	}

	@Override
	public boolean resume(String function) {
		return isOwn(function) && this.bindings.resume(function);
	}

	private boolean isOwn(String function) {
		return this.bindings.functions()
			.stream()
			.anyMatch((binding) -> binding.name().equals(function) && binding.trigger().type().equals(this.type));
	}

}
