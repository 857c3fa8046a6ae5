package dev.funcboot.trigger.timer;

import java.time.ZoneId;
import java.util.function.Consumer;

import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.binding.TimerTriggerBinding;
import dev.funcboot.functions.timer.TimerInfo;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code @TimerTrigger} and {@code funcboot.functions.<name>.timer.*} become a binding. */
class TimerTriggerBindingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				FunctionsAutoConfiguration.class, TimerTriggerAutoConfiguration.class))
		.withPropertyValues("funcboot.timer.auto-startup=false", "cleanup.schedule=0 0 3 * * *")
		.withUserConfiguration(AnnotatedConfiguration.class);

	@Test
	void annotationValuesWithPlaceholders() {
		this.runner.run((context) -> {
			TimerTriggerBinding binding = binding(context, "cleanup");
			assertThat(binding.schedule()).isEqualTo("0 0 3 * * *");
			assertThat(binding.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
			assertThat(binding.runOnStartup()).isTrue();
			assertThat(binding.useMonitor()).isFalse();
			assertThat(binding.describe()).containsEntry("schedule", "0 0 3 * * *")
				.containsEntry("timeZone", "Europe/Berlin");
		});
	}

	@Test
	void propertiesOverrideTheAnnotation() {
		this.runner
			.withPropertyValues("funcboot.functions.cleanup.timer.schedule=00:30:00",
					"funcboot.functions.cleanup.timer.time-zone=Asia/Tokyo",
					"funcboot.functions.cleanup.timer.run-on-startup=false",
					"funcboot.functions.cleanup.timer.use-monitor=true")
			.run((context) -> {
				TimerTriggerBinding binding = binding(context, "cleanup");
				assertThat(binding.schedule()).isEqualTo("00:30:00");
				assertThat(binding.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
				assertThat(binding.runOnStartup()).isFalse();
				assertThat(binding.useMonitor()).isTrue();
				assertThat(context.getBean(TimerScheduler.class).describe("cleanup").schedule()).isEqualTo("00:30:00");
			});
	}

	@Test
	void propertiesAloneDeclareATimerOnAPlainFunctionBean() {
		this.runner.withPropertyValues("funcboot.functions.plain.timer.schedule=0 */10 * * * *").run((context) -> {
			TimerTriggerBinding binding = binding(context, "plain");
			assertThat(binding.schedule()).isEqualTo("0 */10 * * * *");
			assertThat(binding.timeZone()).isEqualTo(ZoneId.of("UTC"));
			assertThat(binding.runOnStartup()).isFalse();
			assertThat(binding.useMonitor()).isTrue();
			assertThat(context.getBean(TimerScheduler.class).timerNames()).containsExactly("cleanup", "plain");
		});
	}

	@Test
	void unknownTimeZoneFailsNamingTheFunction() {
		this.runner.withPropertyValues("funcboot.functions.cleanup.timer.time-zone=Mars/Olympus")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Function 'cleanup': timer time zone 'Mars/Olympus' is unknown"));
	}

	@Test
	void missingPlaceholderFailsNamingTheFunction() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					FunctionsAutoConfiguration.class, TimerTriggerAutoConfiguration.class))
			.withUserConfiguration(AnnotatedConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cleanup.schedule"));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					FunctionsAutoConfiguration.class, TimerTriggerAutoConfiguration.class))
			.withUserConfiguration(AnnotatedConfiguration.class)
			.run((context) -> assertThat(context.getStartupFailure()).hasMessageContaining("Function 'cleanup'"));
	}

	private static TimerTriggerBinding binding(AssertableApplicationContext context, String name) {
		assertThat(context).hasNotFailed();
		return (TimerTriggerBinding) context.getBean(FunctionBindingRegistry.class).get(name).trigger();
	}

	@Configuration(proxyBeanMethods = false)
	static class AnnotatedConfiguration {

		@Bean
		@TimerTrigger(value = "${cleanup.schedule}", timeZone = "Europe/Berlin", runOnStartup = true,
				useMonitor = false)
		Consumer<TimerInfo> cleanup() {
			return (info) -> {
			};
		}

		@Bean
		Consumer<TimerInfo> plain() {
			return (info) -> {
			};
		}

	}

}
