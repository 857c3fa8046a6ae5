package dev.funcboot.durable.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.OrchestratorRegistration;
import dev.funcboot.durable.client.StoreDurableClient;
import dev.funcboot.durable.internal.replay.OrchestrationExecutor;
import dev.funcboot.durable.json.JacksonDataConverter;
import dev.funcboot.durable.store.InMemoryOrchestrationStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A running activity that outlives its lease keeps it by heartbeats: no second worker runs it. */
class ActivityHeartbeatTests {

	@Test
	void aLongActivityIsNotHandedToAnotherWorker() throws Exception {
		InMemoryOrchestrationStore store = new InMemoryOrchestrationStore();
		JacksonDataConverter converter = new JacksonDataConverter();
		OrchestratorCatalog catalog = OrchestratorCatalog.of(List.of(OrchestratorRegistration.of("slow",
				(ctx, input) -> ctx.callActivity("slow", null, String.class).await())));
		Clock clock = Clock.systemUTC();
		Duration lease = Duration.ofMillis(300);
		new StoreDurableClient(store, catalog, converter, clock).scheduleNewOrchestration("slow", null);
		new OrchestrationProcessor(store, new OrchestrationExecutor(catalog, converter), clock, "o", lease).processNext();

		AtomicInteger runs = new AtomicInteger();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ActivityInvoker slow = (name, input) -> {
			runs.incrementAndGet();
			started.countDown();
			release.await(10, TimeUnit.SECONDS);
			return "\"done\"";
		};
		ActivityProcessor first = new ActivityProcessor(store, slow, clock, "a1", lease);
		ActivityProcessor second = new ActivityProcessor(store, slow, clock, "a2", lease);
		Thread worker = new Thread(first::processNext);
		worker.start();
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		long deadline = System.nanoTime() + lease.multipliedBy(4).toNanos();
		int polls = 0;
		while (System.nanoTime() < deadline) {
			assertThat(second.processNext()).as("the running activity's lease is renewed").isFalse();
			polls++;
			Thread.onSpinWait();
		}
		release.countDown();
		worker.join(10_000);
		assertThat(polls).isPositive();
		assertThat(runs.get()).isEqualTo(1);
		assertThat(store.pendingActivities()).isZero();
	}

}
