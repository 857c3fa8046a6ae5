package dev.funcboot.trigger.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.timer.TimerInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of one application on one database, each with its own scheduler and the same
 * settable clock: every occurrence runs exactly once in total, whether the replicas fire it at
 * the same moment (the lock decides) or one after the other (the status decides).
 */
abstract class AbstractTimerTwoReplicaTests {

	private static final int OCCURRENCES = 40;

	private final MutableClock clock = MutableClock.at("2025-01-01T12:00:05Z");

	private final TimerRecorder recorder = new TimerRecorder();

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	/** The datasource (and table name) properties that point both replicas at one database. */
	protected abstract String[] databaseProperties();

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void eachOccurrenceRunsExactlyOnceAcrossTwoReplicas() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					FunctionsAutoConfiguration.class, DataSourceAutoConfiguration.class,
					TimerTriggerAutoConfiguration.class))
			.withPropertyValues("funcboot.timer.auto-startup=false")
			.withPropertyValues(databaseProperties())
			.withBean(Clock.class, () -> this.clock)
			.withBean(TimerRecorder.class, () -> this.recorder)
			.withUserConfiguration(ReplicaConfiguration.class);
		runner.withPropertyValues("replica=a").run((a) -> runner.withPropertyValues("replica=b").run((b) -> {
			assertThat(a).getBean(TimerLock.class).isInstanceOf(ShedLockTimerLock.class);
			assertThat(b).getBean(TimerLock.class).isInstanceOf(ShedLockTimerLock.class);
			TimerScheduler first = a.getBean(TimerScheduler.class);
			TimerScheduler second = b.getBean(TimerScheduler.class);
			List<Instant> occurrences = new ArrayList<>();
			for (int i = 1; i <= OCCURRENCES; i++) {
				Instant occurrence = Instant.parse("2025-01-01T12:00:00Z").plus(Duration.ofSeconds(10L * i));
				occurrences.add(occurrence);
				this.clock.set(occurrence);
				if (i % 3 == 0) {
					// one after the other: the lock is free for the second, only the status stops it
					((i % 2 == 0) ? first : second).fireDue();
					((i % 2 == 0) ? second : first).fireDue();
				}
				else {
					fireTogether(first, second);
				}
			}
			Map<Instant, Long> counts = this.recorder.countsByScheduledTime("tick");
			assertThat(counts.keySet()).containsExactlyElementsOf(occurrences);
			assertThat(counts.values()).allMatch((count) -> count == 1);
			assertThat(this.recorder.of("tick")).noneMatch(TimerInfo::isPastDue);
			// the first of two sequential replicas runs the occurrence, and the order alternates
			assertThat(this.recorder.runs()).extracting(TimerRecorder.Run::replica).contains("a", "b");
			assertThat(first.describe("tick").status().last()).isEqualTo(occurrences.get(OCCURRENCES - 1));
		}));
	}

	private void fireTogether(TimerScheduler first, TimerScheduler second) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		Future<?> one = this.threads.submit(() -> {
			start.await();
			first.fireDue();
			return null;
		});
		Future<?> two = this.threads.submit(() -> {
			start.await();
			second.fireDue();
			return null;
		});
		start.countDown();
		one.get(30, TimeUnit.SECONDS);
		two.get(30, TimeUnit.SECONDS);
	}

	@Configuration(proxyBeanMethods = false)
	static class ReplicaConfiguration {

		@Bean
		@TimerTrigger("*/10 * * * * *")
		Consumer<TimerInfo> tick(TimerRecorder recorder, Environment environment) {
			String replica = environment.getProperty("replica");
			return (info) -> recorder.record("tick", info, replica);
		}

	}

}
