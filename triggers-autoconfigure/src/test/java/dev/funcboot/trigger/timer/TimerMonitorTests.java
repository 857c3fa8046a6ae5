package dev.funcboot.trigger.timer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.timer.TimerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The schedule monitor across restarts: each test runs an application, stops it, moves the clock
 * past occurrences and starts a new application on the same store.
 */
class TimerMonitorTests {

	private final MutableClock clock = MutableClock.at("2025-01-01T00:00:30Z");

	private final TimerRecorder recorder = new TimerRecorder();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				FunctionsAutoConfiguration.class, TimerTriggerAutoConfiguration.class))
		.withPropertyValues("funcboot.timer.auto-startup=false")
		.withBean(Clock.class, () -> this.clock)
		.withBean(TimerRecorder.class, () -> this.recorder)
		.withUserConfiguration(MinuteConfiguration.class);

	@Test
	void missedOccurrenceFiresOnceOnStartPastDueWithH2FileDatabase(@TempDir Path directory) {
		ApplicationContextRunner runner = this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + directory.resolve("timers"));
		runner.run((context) -> {
			assertThat(context).getBean(TimerStatusStore.class).isInstanceOf(JdbcTimerStatusStore.class);
			this.clock.set(at("00:01:00"));
			context.getBean(TimerScheduler.class).fireDue();
		});
		this.clock.set(at("00:02:30"));
		runner.run((context) -> {
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			scheduler.fireDue();
			scheduler.fireDue();
			this.clock.set(at("00:02:59"));
			scheduler.fireDue();
			this.clock.set(at("00:03:00"));
			scheduler.fireDue();
		});
		assertThat(this.recorder.of("minutely")).extracting(TimerInfo::scheduledTime, TimerInfo::isPastDue)
			.containsExactly(tuple(at("00:01:00"), false), tuple(at("00:02:00"), true), tuple(at("00:03:00"), false));
		TimerInfo pastDue = this.recorder.of("minutely").get(1);
		assertThat(pastDue.scheduleStatus().last()).isEqualTo(at("00:01:00"));
		assertThat(pastDue.scheduleStatus().next()).isEqualTo(at("00:02:00"));
	}

	@Test
	void severalMissedOccurrencesFireOnceAsTheLatestWithFileMonitor(@TempDir Path directory) {
		ApplicationContextRunner runner = this.runner.withPropertyValues("funcboot.timer.monitor-directory=" + directory);
		runner.run((context) -> {
			assertThat(context).getBean(TimerStatusStore.class).isInstanceOf(FileTimerStatusStore.class);
			this.clock.set(at("00:01:00"));
			context.getBean(TimerScheduler.class).fireDue();
		});
		this.clock.set(at("00:04:30"));
		runner.run((context) -> {
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			scheduler.fireDue();
			scheduler.fireDue();
			this.clock.set(at("00:05:00"));
			scheduler.fireDue();
		});
		assertThat(this.recorder.of("minutely")).extracting(TimerInfo::scheduledTime, TimerInfo::isPastDue)
			.containsExactly(tuple(at("00:01:00"), false), tuple(at("00:04:00"), true), tuple(at("00:05:00"), false));
	}

	@Test
	void stopBeforeTheFirstOccurrenceIsNoticedOnTheNextStart(@TempDir Path directory) {
		ApplicationContextRunner runner = this.runner.withPropertyValues("funcboot.timer.monitor-directory=" + directory);
		runner.run((context) -> context.getBean(TimerScheduler.class).fireDue());
		this.clock.set(at("00:01:30"));
		runner.run((context) -> context.getBean(TimerScheduler.class).fireDue());
		assertThat(this.recorder.of("minutely")).extracting(TimerInfo::scheduledTime, TimerInfo::isPastDue)
			.containsExactly(tuple(at("00:01:00"), true));
	}

	@Test
	void withoutMonitorMissedOccurrencesAreSkipped(@TempDir Path directory) {
		ApplicationContextRunner runner = this.runner.withPropertyValues(
				"funcboot.timer.monitor-directory=" + directory, "funcboot.functions.minutely.timer.use-monitor=false");
		runner.run((context) -> {
			this.clock.set(at("00:01:00"));
			context.getBean(TimerScheduler.class).fireDue();
		});
		this.clock.set(at("00:02:30"));
		runner.run((context) -> {
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			scheduler.fireDue();
			this.clock.set(at("00:03:00"));
			scheduler.fireDue();
		});
		assertThat(this.recorder.of("minutely")).extracting(TimerInfo::scheduledTime, TimerInfo::isPastDue)
			.containsExactly(tuple(at("00:01:00"), false), tuple(at("00:03:00"), false));
		assertThat(this.recorder.of("minutely")).allMatch((info) -> info.scheduleStatus() == null);
	}

	private static Instant at(String time) {
		return Instant.parse("2025-01-01T" + time + "Z");
	}

	@Configuration(proxyBeanMethods = false)
	static class MinuteConfiguration {

		@Bean
		@TimerTrigger("0 * * * * *")
		Consumer<TimerInfo> minutely(TimerRecorder recorder) {
			return (info) -> recorder.record("minutely", info);
		}

	}

}
