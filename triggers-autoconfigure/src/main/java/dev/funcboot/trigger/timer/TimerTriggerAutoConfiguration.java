package dev.funcboot.trigger.timer;

import java.time.Clock;


import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.TimerTriggerBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.support.CronExpression;

/**
 * Timer trigger: runs {@code @TimerTrigger} functions on their schedules, once across replicas.
 * With a DataSource (and spring-jdbc and ShedLock's JDBC provider on the class path) replicas
 * share a ShedLock lock and a status table; otherwise the lock is in-process and the status in
 * files ({@code funcboot.timer.monitor-directory}) or memory. Timer bindings are resolved and
 * validated even when {@code funcboot.timer.enabled=false}; only the scheduler backs off.
 */
@AutoConfiguration(after = FunctionsAutoConfiguration.class,
		afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass({ FunctionCatalog.class, CronExpression.class })
@EnableConfigurationProperties(TimerProperties.class)
public class TimerTriggerAutoConfiguration {

	@Bean
	static TimerTriggerBindingResolver timerTriggerBindingResolver(ObjectProvider<TimerProperties> properties) {
		return new TimerTriggerBindingResolver(() -> properties.getObject().getTimeZone());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "funcboot.timer.enabled", matchIfMissing = true)
	@Import({ TimerJdbcConfiguration.class, TimerInProcessConfiguration.class })
	static class SchedulerConfiguration {

		private static final Log logger = LogFactory.getLog(TimerTriggerAutoConfiguration.class);

		@Bean
		@ConditionalOnMissingBean
		TimerScheduler funcbootTimerScheduler(FunctionBindingRegistry registry, FunctionHandles handles,
				InvocationPipeline pipeline, Clock clock, TimerLock lock, TimerStatusStore store,
				TimerProperties properties) {
			TimerScheduler.Builder builder = TimerScheduler.builder()
				.clock(clock)
				.lock(lock)
				.store(store)
				.checkInterval(properties.getCheckInterval())
				.shutdownTimeout(properties.getShutdownTimeout());
			for (FunctionBinding binding : registry.ofType(TimerTriggerBinding.TYPE)) {
				TimerTriggerBinding trigger = (TimerTriggerBinding) binding.trigger();
				TimerSchedule schedule = TimerSchedule.parse(binding.name(), trigger.schedule(), trigger.timeZone());
				if (!binding.enabled()) {
					logger.info("Timer function '" + binding.name() + "' is disabled");
					builder.timer(new TimerDefinition(binding.name(), schedule, trigger.runOnStartup(),
							trigger.useMonitor(), false, (info) -> {
							}));
					continue;
				}
				TimerFunctionInvoker invoker = new TimerFunctionInvoker(handles.get(binding.name()), pipeline);
				builder.timer(new TimerDefinition(binding.name(), schedule, trigger.runOnStartup(),
						trigger.useMonitor(), true, invoker::invoke));
				logger.info("Timer function '" + binding.name() + "': schedule '" + trigger.schedule() + "' ("
						+ trigger.timeZone().getId() + ")" + (trigger.runOnStartup() ? ", runs on startup" : "")
						+ (trigger.useMonitor() ? ", monitored" : ""));
			}
			if (lock instanceof InProcessTimerLock && !registry.ofType(TimerTriggerBinding.TYPE).isEmpty()) {
				logger.info("Timers are coordinated inside this process only: with several replicas each one "
						+ "runs every occurrence. Give the application a DataSource (with spring-jdbc and "
						+ "shedlock-provider-jdbc-template) to run each occurrence once across replicas");
			}
			return builder.build();
		}

		@Bean
		TimerTriggerStatus timerTriggerStatus(TimerScheduler scheduler) {
			return new TimerTriggerStatus(scheduler);
		}

		@Bean
		@ConditionalOnMissingBean
		TimerSchedulerLifecycle funcbootTimerSchedulerLifecycle(TimerScheduler scheduler, TimerProperties properties) {
			return new TimerSchedulerLifecycle(scheduler, properties.isAutoStartup());
		}

	}

}
