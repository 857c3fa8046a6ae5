package dev.funcboot.durable.store.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.durable.history.HistoryEvent;

/**
 * The histories this store read for recent steps, so that the next step of an instance reads and
 * decodes only the events added since, not the whole history again (a fan-out of 1,000 calls
 * would otherwise decode its growing history once per step: quadratic). An entry is never trusted
 * as it stands: {@link HistoryTable#loadForStep} checks it against the first and the last stored
 * row it holds, every time. Within an execution the history only grows ({@code seq} 1, 2, 3 ...);
 * a new execution replaces it and starts with another {@code ExecutionStarted} (another time,
 * input or instance), so a rewritten history fails the check and is read in full. Least recently
 * used entries are dropped beyond a bound. Thread-safe.
 */
final class HistoryCache {

	/**
	 * A history as read: its events ({@code seq} 1 to {@code events.size()}) and the stored text of
	 * its first and last rows, to check it against the table.
	 */
	record Entry(List<HistoryEvent> events, String firstPayload, String lastPayload) {

		int lastSeq() {
			return this.events.size();
		}

	}

	private final Map<String, Entry> entries;

	HistoryCache(int maxEntries) {
		this.entries = new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > maxEntries;
			}

		};
	}

	synchronized Entry get(String instanceId) {
		return this.entries.get(instanceId);
	}

	synchronized void put(String instanceId, Entry entry) {
		this.entries.put(instanceId, entry);
	}

	/**
	 * The number of the last stored event of a history this cache handed out for a step, or -1 when
	 * that history is not the cached one (then its numbering is unknown).
	 */
	synchronized int lastSeqOf(String instanceId, List<HistoryEvent> handedOut) {
		Entry entry = this.entries.get(instanceId);
		return (entry != null && entry.events() == handedOut) ? entry.lastSeq() : -1;
	}

	synchronized void remove(String instanceId) {
		this.entries.remove(instanceId);
	}

	synchronized int size() {
		return this.entries.size();
	}

}
