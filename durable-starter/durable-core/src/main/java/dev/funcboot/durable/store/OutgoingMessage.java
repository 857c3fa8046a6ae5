package dev.funcboot.durable.store;

import java.time.Instant;

import dev.funcboot.durable.history.HistoryEvent;

/**
 * A message a step sends, to its own instance (a timer) or another one (a child's start, a
 * parent's result).
 *
 * @param visibleAt when it may be processed (a timer's fire time)
 */
public record OutgoingMessage(String instanceId, HistoryEvent event, Instant visibleAt) {
}
