package dev.funcboot.trigger.storagequeue;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.trigger.storagequeue.binder.SettlementCounts;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueConsumerBinding;

/**
 * Reports the queue trigger to the Actuator endpoint and health: whether its bindings run, and
 * per function how its messages ended (completed, retried, dead-lettered), what runs now and how
 * the last poll went.
 */
final class QueueTriggerStatus implements TriggerStatus {

	private final QueueTriggerBindings bindings;

	QueueTriggerStatus(QueueTriggerBindings bindings) {
		this.bindings = bindings;
	}

	@Override
	public String triggerType() {
		return QueueTriggerBinding.TYPE;
	}

	@Override
	public boolean isRunning() {
		return this.bindings.isRunning();
	}

	@Override
	public Map<String, Object> details(String function) {
		Map<String, Object> details = new LinkedHashMap<>();
		SettlementCounts counts = this.bindings.counts(function);
		details.put("messages", counts.describe());
		details.put("lastDeadLetterReason", counts.lastDeadLetterReason());
		StorageQueueConsumerBinding consumer = this.bindings.consumer(function);
		details.put("listening", consumer != null && consumer.isRunning());
		if (consumer != null) {
			details.put("inFlight", consumer.inFlight());
			details.put("pollingInterval", consumer.pollingInterval().toString());
			details.put("lastPollError", consumer.lastPollError());
		}
		return details;
	}

}
