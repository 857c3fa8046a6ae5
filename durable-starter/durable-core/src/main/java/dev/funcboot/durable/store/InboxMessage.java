package dev.funcboot.durable.store;

import dev.funcboot.durable.history.HistoryEvent;

/**
 * An event waiting for its instance's next step: an activity result, a fired timer, a raised
 * event, a lifecycle request.
 *
 * @param id the store's id of the message, used to delete it when the step commits
 */
public record InboxMessage(String id, HistoryEvent event) {
}
