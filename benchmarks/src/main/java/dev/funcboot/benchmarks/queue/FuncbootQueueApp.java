package dev.funcboot.benchmarks.queue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.funcboot.functions.annotation.QueueTrigger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The measured side: a no-op function bound to the queue with {@code @QueueTrigger}, batch 32,
 * everything else Funcboot's defaults (pipeline, observation, settlement, lease renewal).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
		"dev.funcboot.trigger.timer.TimerTriggerAutoConfiguration" })
public class FuncbootQueueApp {

	/** Counts handled messages; the benchmark sets a fresh one per round. */
	static volatile Counter counter;

	@Bean
	@QueueTrigger(queue = "${bench.queue}")
	Consumer<byte[]> noop() {
		return (payload) -> {
			NoopWork.handle(payload);
			counter.handled();
		};
	}

	static final class Counter {

		final CountDownLatch done;

		final AtomicLong first = new AtomicLong();

		final AtomicLong last = new AtomicLong();

		Counter(int expected) {
			this.done = new CountDownLatch(expected);
		}

		void handled() {
			long now = System.nanoTime();
			this.first.compareAndSet(0, now);
			this.last.accumulateAndGet(now, Math::max);
			this.done.countDown();
		}

	}

}
