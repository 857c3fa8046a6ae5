package dev.funcboot.trigger.timer;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import dev.funcboot.actuate.FuncbootEndpoint;
import dev.funcboot.actuate.FuncbootEndpointAutoConfiguration;
import dev.funcboot.actuate.FuncbootHealthIndicator;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.timer.TimerInfo;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the {@code funcboot} Actuator endpoint and health show of timers. */
class TimerTriggerStatusTests {

	private final MutableClock clock = MutableClock.at("2025-01-01T00:00:30Z");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				FunctionsAutoConfiguration.class, TimerTriggerAutoConfiguration.class,
				EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				FuncbootEndpointAutoConfiguration.class))
		.withPropertyValues("funcboot.timer.auto-startup=false", "management.endpoints.jmx.exposure.include=*",
				"spring.jmx.enabled=true")
		.withBean(Clock.class, () -> this.clock)
		.withUserConfiguration(TickConfiguration.class);

	@Test
	@SuppressWarnings("unchecked")
	void endpointShowsNextAndLastOccurrence() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			TimerScheduler scheduler = context.getBean(TimerScheduler.class);
			this.clock.set("2025-01-01T00:05:00Z");
			scheduler.fireDue();
			Map<String, Object> function = context.getBean(FuncbootEndpoint.class).function("tick");
			Map<String, Object> trigger = (Map<String, Object>) function.get("trigger");
			assertThat(trigger).containsEntry("type", "timer")
				.containsEntry("schedule", "0 */5 * * * *")
				.containsEntry("nextOccurrence", "2025-01-01T00:10:00Z")
				.containsEntry("lastOccurrence", "2025-01-01T00:05:00Z")
				.containsEntry("statusUpdated", "2025-01-01T00:05:00Z")
				.containsEntry("running", false);
			assertThat((Map<String, Object>) function.get("invocations")).containsEntry("success", 1L);
		});
	}

	@Test
	void healthIsDownOnceTheSchedulerStopped() {
		this.runner.run((context) -> {
			FuncbootHealthIndicator health = context.getBean(FuncbootHealthIndicator.class);
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
			context.getBean(TimerScheduler.class).close();
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void noTimerStatusWhenTimersAreDisabled() {
		this.runner.withPropertyValues("funcboot.timer.enabled=false")
			.run((context) -> assertThat(context.getBeansOfType(TriggerStatus.class).values())
				.noneMatch((status) -> status.triggerType().equals("timer")));
	}

	@Configuration(proxyBeanMethods = false)
	static class TickConfiguration {

		@Bean
		@TimerTrigger("0 */5 * * * *")
		Consumer<TimerInfo> tick() {
			return (info) -> {
			};
		}

	}

}
