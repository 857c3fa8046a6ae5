package dev.funcboot.actuate;

import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.pipeline.FunctionStatistics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code funcboot} Actuator endpoint and health indicator. */
@AutoConfiguration(after = FunctionsAutoConfiguration.class,
		afterName = "dev.funcboot.trigger.timer.TimerTriggerAutoConfiguration")
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(FunctionBindingRegistry.class)
public class FuncbootEndpointAutoConfiguration {

	private static final EndpointId FUNCBOOT = EndpointId.of("funcboot");

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

	/** Malformed JSON in a state change's body is a 400 problem detail too (servlet stack). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.HandlerExceptionResolver")
	@ConditionalOnAvailableEndpoint(endpoint = FuncbootEndpoint.class, exposure = EndpointExposure.WEB)
	static class BodyErrorsConfiguration {

		@Bean
		FuncbootEndpointBodyErrors funcbootEndpointBodyErrors(ObjectProvider<PathMappedEndpoints> endpoints) {
			return new FuncbootEndpointBodyErrors(() -> {
				PathMappedEndpoints mapped = endpoints.getIfAvailable();
				return (mapped != null) ? mapped.getPath(FUNCBOOT) : null;
			});
		}

	}

	@Bean
	@ConditionalOnMissingBean(name = "funcbootHealthIndicator")
	@ConditionalOnEnabledHealthIndicator("funcboot")
	FuncbootHealthIndicator funcbootHealthIndicator(FunctionBindingRegistry registry,
			ObjectProvider<TriggerStatus> triggers) {
		return new FuncbootHealthIndicator(registry, triggers.orderedStream().toList());
	}

}
