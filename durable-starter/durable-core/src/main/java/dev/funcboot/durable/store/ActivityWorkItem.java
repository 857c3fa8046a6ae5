package dev.funcboot.durable.store;

import java.time.Instant;

/**
 * An activity call locked by one worker.
 *
 * @param dequeueCount how many times it was handed out (more than once after a worker died)
 */
public record ActivityWorkItem(String id, String instanceId, int taskId, String name, String input, int dequeueCount,
		String lockToken, Instant lockedUntil) {
}
