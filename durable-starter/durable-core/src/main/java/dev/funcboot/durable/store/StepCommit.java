package dev.funcboot.durable.store;

import java.util.List;

import dev.funcboot.durable.history.HistoryEvent;

/**
 * Everything one step changes, committed atomically by {@link OrchestrationStore#commitStep}.
 *
 * @param newEvents events appended to the history
 * @param replaceHistory whether {@code newEvents} replace the history (continue-as-new)
 * @param consumedMessages ids of the inbox messages the step consumed
 * @param state the instance's new state
 * @param activities activity calls to enqueue
 * @param messages messages to other instances or to itself (timers)
 * @param newInstances sub-orchestrations to create (their start is in {@code messages})
 */
public record StepCommit(List<HistoryEvent> newEvents, boolean replaceHistory, List<String> consumedMessages,
		InstanceState state, List<ActivityRequest> activities, List<OutgoingMessage> messages,
		List<InstanceState> newInstances) {

	public StepCommit {
		newEvents = List.copyOf(newEvents);
		consumedMessages = List.copyOf(consumedMessages);
		activities = List.copyOf(activities);
		messages = List.copyOf(messages);
		newInstances = List.copyOf(newInstances);
	}

}
