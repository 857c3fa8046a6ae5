package dev.funcboot.trigger.cosmos;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.binding.CosmosDBTriggerBinding;

/** Reports the change feed processors and, per function, how its documents ended. */
final class CosmosTriggerStatus implements TriggerStatus {

	private final CosmosChangeFeedProcessors processors;

	CosmosTriggerStatus(CosmosChangeFeedProcessors processors) {
		this.processors = processors;
	}

	@Override
	public String triggerType() {
		return CosmosDBTriggerBinding.TYPE;
	}

	@Override
	public boolean isRunning() {
		return this.processors.isRunning();
	}

	@Override
	public Map<String, Object> details(String function) {
		CosmosChangeHandler handler = this.processors.handler(function);
		Map<String, Object> messages = new LinkedHashMap<>();
		messages.put("completed", (handler != null) ? handler.completed.get() : 0L);
		messages.put("retried", (handler != null) ? handler.retried.get() : 0L);
		messages.put("deadLettered", (handler != null) ? handler.deadLettered.get() : 0L);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("messages", messages);
		details.put("lastDeadLetterReason", (handler != null) ? handler.lastDeadLetterReason : null);
		details.put("listening", this.processors.isRunning());
		return details;
	}

}
