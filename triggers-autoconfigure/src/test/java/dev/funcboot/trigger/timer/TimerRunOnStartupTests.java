package dev.funcboot.trigger.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.timer.TimerInfo;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Run-on-startup needs a real SpringApplication: it runs on {@code ApplicationReadyEvent}. */
class TimerRunOnStartupTests {

	private static final Instant START = Instant.parse("2025-01-01T00:00:30Z");

	@Test
	void runsOnceWhenTheApplicationIsReadyWithoutCountingAsAnOccurrence() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StartupApplication.class)
			.web(WebApplicationType.NONE)
			.properties("funcboot.timer.auto-startup=false", "spring.main.banner-mode=off")
			.run()) {
			TimerRecorder recorder = context.getBean(TimerRecorder.class);
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> recorder.of("warmup").size() == 1);
			TimerInfo info = recorder.of("warmup").get(0);
			assertThat(info.scheduledTime()).isEqualTo(START);
			assertThat(info.isPastDue()).isFalse();
			assertThat(info.schedule()).isEqualTo("0 0 0 * * *");
			await().atMost(Duration.ofSeconds(10)).until(() -> !scheduler.describe("warmup").running());
			// not an occurrence: the monitor still expects the first one
			assertThat(scheduler.describe("warmup").status().last()).isNull();
			scheduler.fireDue();
			assertThat(recorder.of("warmup")).hasSize(1);
			assertThat(recorder.of("nightly")).isEmpty();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ContextFunctionCatalogAutoConfiguration.class, FunctionsAutoConfiguration.class,
			TimerTriggerAutoConfiguration.class })
	static class StartupApplication {

		@Bean
		Clock clock() {
			return MutableClock.at(START.toString());
		}

		@Bean
		TimerRecorder timerRecorder() {
			return new TimerRecorder();
		}

		@Bean
		@TimerTrigger(value = "0 0 0 * * *", runOnStartup = true)
		Consumer<TimerInfo> warmup(TimerRecorder recorder) {
			return (info) -> recorder.record("warmup", info);
		}

		@Bean
		@TimerTrigger("0 0 0 * * *")
		Consumer<TimerInfo> nightly(TimerRecorder recorder) {
			return (info) -> recorder.record("nightly", info);
		}

	}

}
