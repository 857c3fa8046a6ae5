package dev.funcboot.actuate.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Funcboot's invocation metrics ({@link InvocationMetrics}, a listener of the invocation
 * pipeline) wherever there is a {@link MeterRegistry}; the application's meter observation
 * handler is wrapped so it leaves the invocations to them.
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class },
		afterName = "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, MeterObservationHandler.class, Observation.class })
public class InvocationMetricsAutoConfiguration {

	@Bean
	@ConditionalOnBean(MeterRegistry.class)
	InvocationMetrics funcbootInvocationMetrics(MeterRegistry registry) {
		return new InvocationMetrics(registry);
	}

	@Bean
	static BeanPostProcessor funcbootInvocationMeterHandlerPostProcessor() {
		return new BeanPostProcessor() {

			@Override
			@SuppressWarnings("unchecked")
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof MeterObservationHandler<?> handler
						&& !(bean instanceof InvocationMeterObservationHandler)) {
					return new InvocationMeterObservationHandler((MeterObservationHandler<Observation.Context>) handler);
				}
				return bean;
			}

		};
	}

}
