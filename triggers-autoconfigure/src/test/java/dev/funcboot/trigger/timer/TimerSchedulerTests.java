package dev.funcboot.trigger.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.annotation.FixedDelayRetry;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.pipeline.InvocationListener;
import dev.funcboot.functions.pipeline.InvocationOutcome;
import dev.funcboot.functions.pipeline.InvocationResult;
import dev.funcboot.functions.timer.ScheduleStatus;
import dev.funcboot.functions.timer.TimerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class TimerSchedulerTests {

	private final MutableClock clock = MutableClock.at("2025-01-01T00:00:30Z");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				FunctionsAutoConfiguration.class, TimerTriggerAutoConfiguration.class))
		.withPropertyValues("funcboot.timer.auto-startup=false")
		.withBean(Clock.class, () -> this.clock)
		.withBean(TimerRecorder.class, TimerRecorder::new);

	@Test
	void firesAtEachOccurrenceExactlyOnceAndNeverBeforeIt() {
		this.runner.withUserConfiguration(TickConfiguration.class).run((context) -> {
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			TimerRecorder recorder = context.getBean(TimerRecorder.class);
			scheduler.fireDue();
			assertThat(recorder.runs()).isEmpty();
			assertThat(scheduler.describe("tick").nextOccurrence()).isEqualTo(at("00:05:00"));
			this.clock.set(at("00:04:59.999"));
			scheduler.fireDue();
			assertThat(recorder.runs()).isEmpty();
			List<Instant> expected = new ArrayList<>();
			for (int i = 1; i <= 6; i++) {
				Instant occurrence = at("00:00:00").plus(Duration.ofMinutes(5L * i));
				this.clock.set(occurrence);
				scheduler.fireDue();
				scheduler.fireDue();
				this.clock.set(occurrence.plus(Duration.ofMinutes(2)));
				scheduler.fireDue();
				expected.add(occurrence);
				assertThat(recorder.scheduledTimes("tick")).containsExactlyElementsOf(expected);
			}
			assertThat(recorder.of("tick")).noneMatch(TimerInfo::isPastDue)
				.allMatch((info) -> info.schedule().equals("0 */5 * * * *"));
			// the function sees the monitor's status before its run
			assertThat(recorder.of("tick").get(1).scheduleStatus().last()).isEqualTo(at("00:05:00"));
			assertThat(recorder.of("tick").get(1).scheduleStatus().next()).isEqualTo(at("00:10:00"));
			TimerStatusView view = scheduler.describe("tick");
			assertThat(view.nextOccurrence()).isEqualTo(at("00:35:00"));
			assertThat(view.status().last()).isEqualTo(at("00:30:00"));
			assertThat(view.status().next()).isEqualTo(at("00:35:00"));
			assertThat(view.status().lastUpdated()).isEqualTo(at("00:30:00"));
			assertThat(view.running()).isFalse();
			assertThat(view.enabled()).isTrue();
			assertThat(scheduler.describeAll()).containsExactly(view);
			assertThat(scheduler.describe("nope")).isNull();
		});
	}

	@Test
	void occurrencesMissedWhileRunningFireOnceAsTheLatestPastDue() {
		this.runner.withUserConfiguration(TickConfiguration.class).run((context) -> {
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			TimerRecorder recorder = context.getBean(TimerRecorder.class);
			this.clock.set(at("00:17:00"));
			scheduler.fireDue();
			scheduler.fireDue();
			this.clock.set(at("00:20:00"));
			scheduler.fireDue();
			assertThat(recorder.of("tick")).extracting(TimerInfo::scheduledTime, TimerInfo::isPastDue)
				.containsExactly(tuple(at("00:15:00"), true), tuple(at("00:20:00"), false));
		});
	}

	@Test
	void functionsAndSuppliersRunWithTimerMetadata() {
		this.runner.withUserConfiguration(ShapesConfiguration.class).run((context) -> {
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			TimerRecorder recorder = context.getBean(TimerRecorder.class);
			Attempts attempts = context.getBean(Attempts.class);
			this.clock.set(at("00:01:00"));
			scheduler.fireDue();
			assertThat(recorder.scheduledTimes("report")).containsExactly(at("00:01:00"));
			assertThat(context.getBean(AtomicInteger.class)).hasValue(1);
			assertThat(attempts.results()).hasSize(2).allSatisfy((result) -> {
				assertThat(result.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
				assertThat(result.context().trigger()).isEqualTo("timer");
				assertThat(result.context().triggerMetadata())
					.isEqualTo(Map.of("scheduledTime", at("00:01:00"), "isPastDue", false));
			});
			assertThat(attempts.results()).extracting((result) -> result.context().functionName())
				.containsExactlyInAnyOrder("report", "heartbeat");
			assertThat(attempts.results()).filteredOn((result) -> result.context().functionName().equals("report"))
				.extracting(InvocationResult::value)
				.containsExactly("report at 2025-01-01T00:01:00Z");
		});
	}

	@Test
	void failedAttemptsAreRetriedPerPolicyWithoutSleeping() {
		this.runner.withUserConfiguration(FlakyConfiguration.class).run((context) -> {
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			TimerRecorder recorder = context.getBean(TimerRecorder.class);
			this.clock.set(at("00:01:00"));
			scheduler.fireDue();
			assertThat(recorder.scheduledTimes("flaky")).containsExactly(at("00:01:00"), at("00:01:00"),
					at("00:01:00"));
			assertThat(context.getBean(RecordingSleeper.class).sleeps()).containsExactly(Duration.ofSeconds(30),
					Duration.ofSeconds(30));
			assertThat(context.getBean(Attempts.class).results()).extracting(InvocationResult::outcome)
				.containsExactly(InvocationOutcome.FAILURE, InvocationOutcome.FAILURE, InvocationOutcome.SUCCESS);
			assertThat(scheduler.describe("flaky").status().last()).isEqualTo(at("00:01:00"));
		});
	}

	@Test
	void exhaustedRetriesAreLoggedAtErrorWithFunctionAndInvocationIdAndTheOccurrenceIsDone(CapturedOutput output) {
		this.runner.withUserConfiguration(BrokenConfiguration.class).run((context) -> {
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			Attempts attempts = context.getBean(Attempts.class);
			this.clock.set(at("00:01:00"));
			scheduler.fireDue();
			assertThat(attempts.results()).hasSize(2);
			String invocationId = attempts.results().get(0).context().invocationId();
			assertThat(attempts.results()).allMatch((result) -> result.context().invocationId().equals(invocationId));
			assertThat(output.getAll()).containsPattern("ERROR.*Timer function 'broken' failed \\(invocation "
					+ invocationId + ", occurrence 2025-01-01T00:01:00Z\\): retries exhausted after 2 attempts");
			// the occurrence is done: it is not tried again
			scheduler.fireDue();
			assertThat(attempts.results()).hasSize(2);
			assertThat(scheduler.describe("broken").status().last()).isEqualTo(at("00:01:00"));
		});
	}

	@Test
	void disabledBindingDoesNotRun() {
		this.runner.withUserConfiguration(TickConfiguration.class)
			.withPropertyValues("funcboot.functions.tick.enabled=false")
			.run((context) -> {
				TimerScheduler scheduler = context.getBean(TimerScheduler.class);
				this.clock.set(at("00:05:00"));
				scheduler.fireDue();
				this.clock.set(at("00:10:00"));
				scheduler.fireDue();
				assertThat(context.getBean(TimerRecorder.class).runs()).isEmpty();
				TimerStatusView view = scheduler.describe("tick");
				assertThat(view.enabled()).isFalse();
				assertThat(view.nextOccurrence()).isNull();
				assertThat(view.status()).isNull();
			});
	}

	@Test
	void slowTimerDelaysNoOtherTimerAndNeverOverlapsItself() {
		this.runner.withUserConfiguration(SlowAndFastConfiguration.class).run((context) -> {
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			TimerRecorder recorder = context.getBean(TimerRecorder.class);
			Gate gate = context.getBean(Gate.class);
			this.clock.set(at("00:01:00"));
			CompletableFuture<Void> first = scheduler.dispatchDue();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> gate.entered() == 1 && recorder.of("fast").size() == 1);
			assertThat(first).isNotDone();
			this.clock.set(at("00:02:00"));
			scheduler.dispatchDue().get(10, TimeUnit.SECONDS);
			assertThat(recorder.scheduledTimes("fast")).containsExactly(at("00:01:00"), at("00:02:00"));
			assertThat(gate.entered()).isEqualTo(1);
			assertThat(scheduler.describe("slow").running()).isTrue();
			this.clock.set(at("00:02:10"));
			gate.release();
			first.get(10, TimeUnit.SECONDS);
			scheduler.fireDue();
			// the 00:02 occurrence of slow waited for its previous run: it runs late, past due
			assertThat(recorder.of("slow")).extracting(TimerInfo::scheduledTime, TimerInfo::isPastDue)
				.containsExactly(tuple(at("00:01:00"), false), tuple(at("00:02:00"), true));
			assertThat(recorder.runs().stream().filter((run) -> run.function().equals("slow")).map(TimerRecorder.Run::thread))
				.doesNotContain(Thread.currentThread().getName());
		});
	}

	@Test
	void occurrenceStaysDueWhileTheStatusStoreIsDownAndRunsOnceItIsBack(CapturedOutput output) {
		SwitchableStore store = new SwitchableStore();
		this.runner.withUserConfiguration(TickConfiguration.class)
			.withBean(TimerStatusStore.class, () -> store)
			.run((context) -> {
				TimerScheduler scheduler = context.getBean(TimerScheduler.class);
				TimerRecorder recorder = context.getBean(TimerRecorder.class);
				store.down = true;
				this.clock.set(at("00:05:00"));
				scheduler.fireDue();
				scheduler.fireDue();
				assertThat(recorder.runs()).isEmpty();
				// a store that stays down warns once, not at every check
				assertThat(output.getAll().lines()
					.filter((line) -> line.contains("WARN") && line.contains("Timer function 'tick' cannot read")))
					.hasSize(1);
				store.down = false;
				this.clock.set(at("00:05:01"));
				scheduler.fireDue();
				scheduler.fireDue();
				assertThat(recorder.of("tick")).extracting(TimerInfo::scheduledTime, TimerInfo::isPastDue)
					.containsExactly(tuple(at("00:05:00"), false));
				assertThat(output.getAll()).contains("Timer function 'tick' reaches its lock and schedule status again");
			});
	}

	@Test
	void schedulerThreadFiresWhenTheClockReachesAnOccurrence() {
		Set<Thread> before = schedulerThreads();
		this.runner.withUserConfiguration(TickConfiguration.class)
			.withPropertyValues("funcboot.timer.auto-startup=true", "funcboot.timer.check-interval=20ms")
			.run((context) -> {
				TimerRecorder recorder = context.getBean(TimerRecorder.class);
				TimerScheduler scheduler = context.getBean(TimerScheduler.class);
				Set<Thread> started = schedulerThreads();
				started.removeAll(before);
				assertThat(started).hasSize(1);
				assertThat(scheduler.isRunning()).isTrue();
				this.clock.set(at("00:05:00"));
				await().atMost(Duration.ofSeconds(10)).until(() -> recorder.of("tick").size() == 1);
				this.clock.set(at("00:10:00"));
				await().atMost(Duration.ofSeconds(10)).until(() -> recorder.of("tick").size() == 2);
				assertThat(recorder.scheduledTimes("tick")).containsExactly(at("00:05:00"), at("00:10:00"));
				context.close();
				assertThat(scheduler.isRunning()).isFalse();
				assertThat(started).noneMatch(Thread::isAlive);
			});
	}

	private static Set<Thread> schedulerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("funcboot-timer-scheduler"))
			.collect(Collectors.toCollection(HashSet::new));
	}

	static Instant at(String time) {
		return Instant.parse("2025-01-01T" + time + "Z");
	}

	/** Records every attempt the pipeline reports. */
	static final class Attempts implements InvocationListener {

		private final List<InvocationResult> results = new CopyOnWriteArrayList<>();

		@Override
		public void onAttempt(InvocationResult result, long durationNanos) {
			this.results.add(result);
		}

		List<InvocationResult> results() {
			return List.copyOf(this.results);
		}

	}

	/** A store in memory that fails while {@code down}. */
	static final class SwitchableStore implements TimerStatusStore {

		private final TimerStatusStore delegate = new InMemoryTimerStatusStore();

		volatile boolean down;

		@Override
		public ScheduleStatus read(String timer) {
			check();
			return this.delegate.read(timer);
		}

		@Override
		public void write(String timer, ScheduleStatus status) {
			check();
			this.delegate.write(timer, status);
		}

		private void check() {
			if (this.down) {
				throw new IllegalStateException("database is down");
			}
		}

	}

	/** Blocks the function that enters until the test releases it. */
	static final class Gate {

		private final CountDownLatch open = new CountDownLatch(1);

		private final AtomicInteger entered = new AtomicInteger();

		void enter() {
			this.entered.incrementAndGet();
			try {
				this.open.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		int entered() {
			return this.entered.get();
		}

		void release() {
			this.open.countDown();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TickConfiguration {

		@Bean
		@TimerTrigger("0 */5 * * * *")
		Consumer<TimerInfo> tick(TimerRecorder recorder) {
			return (info) -> recorder.record("tick", info);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ShapesConfiguration {

		@Bean
		Attempts attempts() {
			return new Attempts();
		}

		@Bean
		AtomicInteger heartbeats() {
			return new AtomicInteger();
		}

		@Bean
		@TimerTrigger("0 * * * * *")
		Function<TimerInfo, String> report(TimerRecorder recorder) {
			return (info) -> {
				recorder.record("report", info);
				return "report at " + info.scheduledTime();
			};
		}

		@Bean
		@TimerTrigger("0 * * * * *")
		Supplier<String> heartbeat(AtomicInteger heartbeats) {
			return () -> "beat " + heartbeats.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FlakyConfiguration {

		@Bean
		Attempts attempts() {
			return new Attempts();
		}

		@Bean
		RecordingSleeper recordingSleeper() {
			return new RecordingSleeper();
		}

		@Bean
		@TimerTrigger("0 * * * * *")
		@FixedDelayRetry(maxAttempts = 3, delay = "30s")
		Consumer<TimerInfo> flaky(TimerRecorder recorder) {
			AtomicInteger calls = new AtomicInteger();
			return (info) -> {
				recorder.record("flaky", info);
				if (calls.incrementAndGet() < 3) {
					throw new IllegalStateException("not yet");
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenConfiguration {

		@Bean
		Attempts attempts() {
			return new Attempts();
		}

		@Bean
		RecordingSleeper recordingSleeper() {
			return new RecordingSleeper();
		}

		@Bean
		@TimerTrigger("0 * * * * *")
		@FixedDelayRetry(maxAttempts = 2, delay = "1s")
		Consumer<TimerInfo> broken() {
			return (info) -> {
				throw new IllegalStateException("disk full");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowAndFastConfiguration {

		@Bean
		Gate gate() {
			return new Gate();
		}

		@Bean
		@TimerTrigger("0 * * * * *")
		Consumer<TimerInfo> slow(TimerRecorder recorder, Gate gate) {
			return (info) -> {
				recorder.record("slow", info);
				gate.enter();
			};
		}

		@Bean
		@TimerTrigger("0 * * * * *")
		Consumer<TimerInfo> fast(TimerRecorder recorder) {
			return (info) -> recorder.record("fast", info);
		}

	}

}
