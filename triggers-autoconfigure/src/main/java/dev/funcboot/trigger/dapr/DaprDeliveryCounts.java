package dev.funcboot.trigger.dapr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How each Dapr function's events were answered: {@code success}, {@code retry} and {@code drop}
 * for topic events, {@code success}, {@code failed} and {@code rejected} for input binding
 * events, and the last drop or rejection reason. Thread-safe.
 */
final class DaprDeliveryCounts {

	static final String SUCCESS = "success";

	static final String RETRY = "retry";

	static final String DROP = "drop";

	static final String FAILED = "failed";

	static final String REJECTED = "rejected";

	private final Map<String, Map<String, AtomicLong>> counts = new ConcurrentHashMap<>();

	private final Map<String, String> lastDropReasons = new ConcurrentHashMap<>();

	void record(String function, String status) {
		this.counts.computeIfAbsent(function, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(status, (key) -> new AtomicLong())
			.incrementAndGet();
	}

	void recordDrop(String function, String status, String reason) {
		record(function, status);
		this.lastDropReasons.put(function, reason);
	}

	long count(String function, String status) {
		AtomicLong count = this.counts.getOrDefault(function, Map.of()).get(status);
		return (count != null) ? count.get() : 0;
	}

	/** Counts by status, in the order given, for the Actuator endpoint. */
	Map<String, Long> counts(String function, String... statuses) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (String status : statuses) {
			map.put(status, count(function, status));
		}
		return map;
	}

	String lastDropReason(String function) {
		return this.lastDropReasons.get(function);
	}

}
