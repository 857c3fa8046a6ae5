package dev.funcboot.trigger.timer;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** A lock per timer inside this process: enough for one instance, not for replicas. */
final class InProcessTimerLock implements TimerLock {

	private final Map<String, Semaphore> locks = new ConcurrentHashMap<>();

	@Override
	public Optional<Held> tryLock(String timer) {
		Semaphore semaphore = this.locks.computeIfAbsent(timer, (name) -> new Semaphore(1));
		return semaphore.tryAcquire() ? Optional.of(semaphore::release) : Optional.empty();
	}

}
