package dev.funcboot.actuate.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Serves Funcboot's invocation metrics from cached meters: wraps the application's
 * {@link MeterObservationHandler} (the one Spring Boot configures, or the application's own) in an
 * {@link InvocationMeterObservationHandler}. {@code funcboot.metrics.cached-invocation-meters=false}
 * leaves the handler as it is.
 */
@AutoConfiguration
@ConditionalOnClass({ MeterRegistry.class, MeterObservationHandler.class, Observation.class })
@ConditionalOnBooleanProperty(name = "funcboot.metrics.cached-invocation-meters", matchIfMissing = true)
public class InvocationMetricsAutoConfiguration {

	@Bean
	static BeanPostProcessor funcbootInvocationMeterHandlerPostProcessor(ObjectProvider<MeterRegistry> registry,
			Environment environment) {
		return new BeanPostProcessor() {

			@Override
			@SuppressWarnings("unchecked")
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof MeterObservationHandler<?> handler
						&& !(bean instanceof InvocationMeterObservationHandler)) {
					MeterRegistry meterRegistry = registry.getIfAvailable();
					if (meterRegistry != null) {
						boolean longTaskTimers = environment
							.getProperty("management.observations.long-task-timer.enabled", Boolean.class, true);
						return new InvocationMeterObservationHandler(
								(MeterObservationHandler<Observation.Context>) handler, meterRegistry, longTaskTimers);
					}
				}
				return bean;
			}

		};
	}

}
