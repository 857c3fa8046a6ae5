package dev.funcboot.trigger.blob;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.binding.BlobTriggerBinding;
import dev.funcboot.trigger.storagequeue.binder.SettlementCounts;

/**
 * Reports the blob trigger to the Actuator endpoint and health: whether its pollers run, and per
 * function how its blob versions ended on this replica ({@code messages}: completed, retried,
 * deadLettered, as every message trigger reports them), what runs now and how the last scan went.
 */
final class BlobTriggerStatus implements TriggerStatus {

	private final BlobTriggerListeners listeners;

	BlobTriggerStatus(BlobTriggerListeners listeners) {
		this.listeners = listeners;
	}

	@Override
	public String triggerType() {
		return BlobTriggerBinding.TYPE;
	}

	@Override
	public boolean isRunning() {
		return this.listeners.isRunning();
	}

	@Override
	public Map<String, Object> details(String function) {
		Map<String, Object> details = new LinkedHashMap<>();
		SettlementCounts counts = this.listeners.counts(function);
		details.put("messages", counts.describe());
		details.put("lastDeadLetterReason", counts.lastDeadLetterReason());
		BlobPoller poller = this.listeners.poller(function);
		details.put("listening", poller != null && poller.isRunning());
		if (poller != null) {
			details.put("inFlight", poller.inFlight());
			details.put("claimed", poller.claimed());
			details.put("scans", poller.scans());
			details.put("receiptChecks", poller.receiptChecks());
			details.put("watermark", poller.watermark());
			details.put("lastScan", poller.lastScan());
			details.put("lastScanError", poller.lastScanError());
		}
		return details;
	}

}
