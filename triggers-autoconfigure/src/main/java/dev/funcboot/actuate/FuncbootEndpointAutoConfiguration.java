package dev.funcboot.actuate;

import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.pipeline.FunctionStatistics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code funcboot} Actuator endpoint and health indicator. */
@AutoConfiguration(after = FunctionsAutoConfiguration.class,
		afterName = "dev.funcboot.trigger.timer.TimerTriggerAutoConfiguration")
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(FunctionBindingRegistry.class)
public class FuncbootEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	FuncbootEndpoint funcbootEndpoint(FunctionBindingRegistry registry, FunctionStatistics statistics,
			ObjectProvider<TriggerStatus> triggers) {
		return new FuncbootEndpoint(registry, statistics, triggers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(FuncbootEndpoint.class)
	@ConditionalOnAvailableEndpoint(endpoint = FuncbootEndpoint.class, exposure = EndpointExposure.WEB)
	FuncbootEndpointWebExtension funcbootEndpointWebExtension(FuncbootEndpoint endpoint) {
		return new FuncbootEndpointWebExtension(endpoint);
	}

	@Bean
	@ConditionalOnMissingBean(name = "funcbootHealthIndicator")
	@ConditionalOnEnabledHealthIndicator("funcboot")
	FuncbootHealthIndicator funcbootHealthIndicator(FunctionBindingRegistry registry,
			ObjectProvider<TriggerStatus> triggers) {
		return new FuncbootHealthIndicator(registry, triggers.orderedStream().toList());
	}

}
