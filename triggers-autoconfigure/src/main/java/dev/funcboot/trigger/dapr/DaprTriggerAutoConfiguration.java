package dev.funcboot.trigger.dapr;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.binding.DaprBindingTriggerBinding;
import dev.funcboot.functions.binding.DaprTopicTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.spring.boot.autoconfigure.client.DaprConnectionDetails;
import io.dapr.springboot.DaprController;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Dapr triggers and outputs: {@code @DaprTopicTrigger} (subscription discovery and CloudEvent
 * delivery, single and bulk), {@code @DaprBindingTrigger}, {@code @DaprPublish} through the Dapr
 * client, the {@link DaprServiceInvoker}, and the sidecar's health. Backs off without the Dapr SDK
 * or a servlet web application. Starts without a sidecar: the functions then report themselves
 * unavailable.
 */
@AutoConfiguration(after = { FunctionsAutoConfiguration.class, JacksonAutoConfiguration.class },
		afterName = "io.dapr.spring.boot.autoconfigure.client.DaprClientAutoConfiguration",
		before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DaprClient.class, DispatcherServlet.class, FunctionCatalog.class })
@EnableConfigurationProperties(DaprProperties.class)
public class DaprTriggerAutoConfiguration {

	@Bean
	static DaprTopicTriggerBindingResolver daprTopicTriggerBindingResolver() {
		return new DaprTopicTriggerBindingResolver();
	}

	@Bean
	static DaprBindingTriggerBindingResolver daprBindingTriggerBindingResolver() {
		return new DaprBindingTriggerBindingResolver();
	}

	@Bean
	static DaprPublishBindingResolver daprPublishBindingResolver() {
		return new DaprPublishBindingResolver();
	}

	/** The Dapr starter's client; built from Dapr's environment variables when the starter is absent. */
	@Bean
	@ConditionalOnMissingBean
	DaprClient daprClient() {
		return new DaprClientBuilder().build();
	}

	@Bean
	@ConditionalOnMissingBean
	DaprServiceInvoker daprServiceInvoker(DaprClient client, DaprProperties properties) {
		return new DaprServiceInvoker(client, properties.getInvokeTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	DaprSidecarAddress daprSidecarAddress(Environment environment) {
		return DaprSidecarAddress.resolve(environment.getProperty("dapr.client.http-endpoint"),
				environment.getProperty("dapr.client.http-port", Integer.class),
				environment.getProperty("dapr.client.api-token"));
	}

	@Bean
	DaprSidecarProbe daprSidecarProbe(DaprSidecarAddress address, DaprProperties properties, Clock clock) {
		return new DaprSidecarProbe(address.httpEndpoint(), address.apiToken(), properties.getHealthTimeout(),
				properties.getHealthCacheTime(), clock);
	}

	@Bean
	DaprDeliveryCounts daprDeliveryCounts() {
		return new DaprDeliveryCounts();
	}

	@Bean
	DaprTriggerStatus daprTopicTriggerStatus(DaprSidecarProbe probe, DaprDeliveryCounts counts) {
		return new DaprTriggerStatus(DaprTopicTriggerBinding.TYPE, probe, counts);
	}

	@Bean
	DaprTriggerStatus daprBindingTriggerStatus(DaprSidecarProbe probe, DaprDeliveryCounts counts) {
		return new DaprTriggerStatus(DaprBindingTriggerBinding.TYPE, probe, counts);
	}

	@Bean
	DaprBulkExecutor daprBulkExecutor() {
		return new DaprBulkExecutor();
	}

	@Bean
	DaprHandlerMapping daprHandlerMapping(FunctionBindingRegistry registry, FunctionHandles handles,
			InvocationPipeline pipeline, DaprDeliveryCounts counts, DaprClient client, DaprProperties properties,
			DaprBulkExecutor bulkExecutor,
			ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<DaprSdkSubscriptions> sdkSubscriptions,
			Environment environment) {
		ObjectMapper mapper = objectMapper.getIfAvailable(ObjectMapper::new);
		DaprOutputChecks.check(registry.all());
		DaprOutputPublisher publisher = new DaprOutputPublisher(client, mapper, properties.getPublishTimeout());
		DaprRoutes routes = new DaprRoutes(handles, pipeline, counts, publisher, mapper,
				properties.getMaxEventSize().toBytes(), bulkExecutor, Math.max(1, properties.getBulkParallelism()));
		List<FunctionBinding> enabled = routes.addAll(registry.all());
		DaprSubscriptions subscriptions = new DaprSubscriptions(enabled);
		DaprSdkSubscriptions sdk = sdkSubscriptions.getIfAvailable();
		DaprSubscribeHandler subscribe = new DaprSubscribeHandler(subscriptions,
				(sdk != null) ? sdk : List::of, mapper);
		String token = (properties.getAppApiToken() != null) ? properties.getAppApiToken()
				: environment.getProperty("APP_API_TOKEN");
		return new DaprHandlerMapping(subscribe, routes.handlers(), token);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DaprConnectionDetails.class)
	static class StarterConnectionConfiguration {

		/** The sidecar the starter's client talks to, also for custom {@code DaprConnectionDetails}. */
		@Bean
		@ConditionalOnBean(DaprConnectionDetails.class)
		@ConditionalOnMissingBean
		DaprSidecarAddress daprStarterSidecarAddress(DaprConnectionDetails details) {
			return DaprSidecarAddress.resolve(details.getHttpEndpoint(), details.getHttpPort(), details.getApiToken());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DaprController.class)
	static class SdkSubscriptionsConfiguration {

		@Bean
		DaprSdkSubscriptions daprSdkSubscriptions(ObjectProvider<DaprController> controller,
				ObjectProvider<ObjectMapper> objectMapper) {
			return new DaprSdkSubscriptions(controller, objectMapper.getIfAvailable(ObjectMapper::new));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "daprHealthIndicator")
		@ConditionalOnEnabledHealthIndicator("dapr")
		DaprSidecarHealthIndicator daprHealthIndicator(DaprSidecarProbe probe, FunctionBindingRegistry registry) {
			List<String> functions = registry.all()
				.stream()
				.filter((b) -> b.trigger() instanceof DaprTopicTriggerBinding
						|| b.trigger() instanceof DaprBindingTriggerBinding)
				.map(FunctionBinding::name)
				.toList();
			return new DaprSidecarHealthIndicator(probe, functions);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		DaprMetrics daprMetrics(FunctionBindingRegistry registry, DaprDeliveryCounts counts) {
			return new DaprMetrics(registry.all()
				.stream()
				.filter((b) -> b.trigger() instanceof DaprTopicTriggerBinding
						|| b.trigger() instanceof DaprBindingTriggerBinding)
				.toList(), counts);
		}

	}

}
