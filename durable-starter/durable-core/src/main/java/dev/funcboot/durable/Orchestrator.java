package dev.funcboot.durable;

/**
 * A durable orchestration: plain blocking Java that the engine runs again from the start on
 * every step, replaying recorded results instead of repeating work.
 *
 * <h2>Determinism rules</h2>
 * Because the code is replayed, it must make the same calls in the same order every time it
 * sees the same history:
 * <ul>
 * <li>Take time from {@link OrchestrationContext#currentInstant()}, never {@code Instant.now()},
 * {@code System.currentTimeMillis()} or a {@code Clock}.</li>
 * <li>Take ids from {@link OrchestrationContext#newUuid()}, never {@code UUID.randomUUID()} or
 * {@code Random}.</li>
 * <li>Do no I/O (databases, HTTP, files, environment variables that change): put it in an
 * activity ({@link OrchestrationContext#callActivity}).</li>
 * <li>Start no threads and wait on nothing but {@link Task#await()}; wait for time with
 * {@link OrchestrationContext#createTimer}, never {@code Thread.sleep}.</li>
 * <li>Do not catch {@link Throwable} or {@link Error}: the engine suspends a waiting
 * orchestration by unwinding its stack with an {@code Error}.</li>
 * <li>Changing the calls an orchestration makes breaks instances already running; the engine
 * detects it and fails such an instance naming the first diverging history event. Version by
 * deploying a new orchestrator name instead.</li>
 * </ul>
 * Log only when {@link OrchestrationContext#isReplaying()} is false, or each line appears once per
 * replay.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface Orchestrator<I, O> {

	O run(OrchestrationContext context, I input);

}
