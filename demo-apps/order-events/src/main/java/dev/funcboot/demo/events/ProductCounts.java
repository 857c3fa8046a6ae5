package dev.funcboot.demo.events;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Ordered quantities per product, as the aggregation has counted them so far. */
public class ProductCounts {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	void add(String product, int quantity) {
		this.counts.computeIfAbsent(product, (key) -> new LongAdder()).add(quantity);
	}

	public Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((product, count) -> snapshot.put(product, count.sum()));
		return snapshot;
	}

}
