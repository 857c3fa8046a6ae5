package dev.funcboot.benchmarks.harness;

import java.util.Arrays;

/**
 * Per-request latencies in nanoseconds, appended by one thread without allocation per sample.
 * Not thread-safe: give each load thread its own and {@link #addAll merge} them afterwards.
 */
public final class LatencySamples {

	private long[] values;

	private int size;

	public LatencySamples() {
		this(1 << 14);
	}

	public LatencySamples(int initialCapacity) {
		this.values = new long[Math.max(initialCapacity, 16)];
	}

	public void add(long nanos) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.values.length * 2);
		}
		this.values[this.size++] = nanos;
	}

	public void addAll(LatencySamples other) {
		if (this.size + other.size > this.values.length) {
			this.values = Arrays.copyOf(this.values, Math.max(this.values.length * 2, this.size + other.size));
		}
		System.arraycopy(other.values, 0, this.values, this.size, other.size);
		this.size += other.size;
	}

	public int size() {
		return this.size;
	}

	/** A sorted copy, for {@link Percentiles#of}. */
	public long[] sorted() {
		long[] copy = Arrays.copyOf(this.values, this.size);
		Arrays.sort(copy);
		return copy;
	}

}
