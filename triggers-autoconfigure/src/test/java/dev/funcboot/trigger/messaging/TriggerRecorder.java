package dev.funcboot.trigger.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.pipeline.InvocationListener;
import dev.funcboot.functions.pipeline.InvocationResult;

/**
 * What the test functions saw, across threads and application contexts: every attempt (started)
 * and every invocation that returned (completed), by message id; what the pipeline saw (as an
 * {@link InvocationListener}: the context of every attempt); plus a gate that holds the
 * {@code slow} function until the test opens it.
 */
public final class TriggerRecorder implements InvocationListener {

	private final List<InvocationContext> contexts = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final List<String> completed = new CopyOnWriteArrayList<>();

	private final Set<String> threads = ConcurrentHashMap.newKeySet();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private volatile int gateAfter = Integer.MAX_VALUE;

	@Override
	public void onAttempt(InvocationResult result, long durationNanos) {
		this.contexts.add(result.context());
	}

	/** The pipeline's context of every attempt of the function, in order. */
	/**
	 * The function's contexts once there are at least {@code count}: the pipeline tells the
	 * recorder just after the function returned, so a test that saw the function complete may
	 * otherwise read them a moment too early.
	 */
	public List<InvocationContext> awaitContexts(String function, int count) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> contexts(function).size() >= count);
		return contexts(function);
	}

	public List<InvocationContext> contexts(String function) {
		return this.contexts.stream().filter((context) -> context.functionName().equals(function)).toList();
	}

	/** Counts an attempt and returns its number for this id (1 for the first). */
	public int started(String id) {
		this.threads.add(Thread.currentThread().getName());
		return this.attempts.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
	}

	public void completed(String id) {
		this.completed.add(id);
	}

	public int attempts(String id) {
		AtomicInteger count = this.attempts.get(id);
		return (count != null) ? count.get() : 0;
	}

	public int totalAttempts() {
		return this.attempts.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	public List<String> completed() {
		return List.copyOf(this.completed);
	}

	public Set<String> completedIds() {
		return Set.copyOf(this.completed);
	}

	/** From now on, the slow function blocks after this many completions until {@link #openGate()}. */
	public void closeGateAfter(int completions) {
		this.gate = new CountDownLatch(1);
		this.gateAfter = completions;
	}

	public void openGate() {
		this.gate.countDown();
	}

	/** Called by the slow function: waits at the gate when it is closed and enough messages completed. */
	public void passGate() throws InterruptedException {
		if (this.completed.size() >= this.gateAfter && !this.gate.await(2, TimeUnit.MINUTES)) {
			throw new IllegalStateException("the test never opened the gate");
		}
	}

}
