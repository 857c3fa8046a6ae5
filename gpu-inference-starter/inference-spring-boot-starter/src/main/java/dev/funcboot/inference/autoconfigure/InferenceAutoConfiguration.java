package dev.funcboot.inference.autoconfigure;

import ai.djl.engine.Engine;
import dev.funcboot.inference.InferenceListener;
import dev.funcboot.inference.ModelRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Serves the models of {@code funcboot.inference.models.*} as function beans named after them,
 * loaded in the background by a {@link ModelRegistry}, with health per model and Micrometer
 * meters. Backs off without DJL on the class path.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ Engine.class, ModelRegistry.class })
@EnableConfigurationProperties(InferenceProperties.class)
public class InferenceAutoConfiguration {

	/** Static: it registers the models' function beans before any bean is created. */
	@Bean
	static ModelFunctionRegistrar funcbootModelFunctionRegistrar(Environment environment) {
		return new ModelFunctionRegistrar(environment);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ModelRegistry funcbootModelRegistry(InferenceProperties properties, BeanFactory beanFactory,
			Environment environment, ObjectProvider<InferenceListener> listeners) {
		ModelRegistry registry = ModelRegistry.builder()
			.offline(properties.isOffline())
			.cacheDir(properties.getCacheDir())
			.loaderThreads(properties.getLoaderThreads())
			.listener(new CompositeInferenceListener(listeners.orderedStream().toList()))
			.build();
		ModelSpecMapper mapper = new ModelSpecMapper(beanFactory, environment);
		properties.getModels().forEach((name, model) -> registry.register(mapper.map(name, model)));
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean
	ModelRegistryLifecycle funcbootModelRegistryLifecycle(ModelRegistry registry) {
		return new ModelRegistryLifecycle(registry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		InferenceMetrics funcbootInferenceMetrics(MeterRegistry meters, ObjectProvider<ModelRegistry> registry) {
			return new InferenceMetrics(meters, registry::getIfAvailable);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthContributor.class)
	@ConditionalOnEnabledHealthIndicator("inference")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "inferenceHealthContributor")
		HealthContributor inferenceHealthContributor(ModelRegistry registry) {
			return new InferenceHealthContributor(registry);
		}

	}

}
