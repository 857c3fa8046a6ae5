package dev.funcboot.scaling;

import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Container Apps readiness: the KEDA scale rules the declared triggers imply, the manifest
 * ({@code --funcboot.manifest=FILE}, {@code /actuator/scaling/manifest}), and the revision in
 * Actuator info and as a tag of every metric.
 */
@AutoConfiguration(after = FunctionsAutoConfiguration.class)
@ConditionalOnBean(FunctionBindingRegistry.class)
@EnableConfigurationProperties({ ScalingProperties.class, ContainerAppProperties.class })
public class ScalingAutoConfiguration {

	@Bean
	ScaleRuleContributor funcbootBuiltInScaleRules(ScalingProperties properties) {
		return new BuiltInScaleRules(properties);
	}

	@Bean
	ScaleRuleContributor funcbootStreamScaleRules(ScalingProperties properties, Environment environment) {
		return new StreamScaleRules(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	ScalingPlanner funcbootScalingPlanner(FunctionBindingRegistry registry,
			ObjectProvider<ScaleRuleContributor> contributors, ScalingProperties properties) {
		return new ScalingPlanner(registry, contributors.orderedStream().toList(), properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ContainerAppRevision funcbootContainerAppRevision() {
		return new ContainerAppRevision(System::getenv);
	}

	@Bean
	@ConditionalOnMissingBean
	ManifestFactory funcbootManifestFactory(ScalingPlanner planner, ContainerAppProperties app,
			Environment environment) {
		return new ManifestFactory(planner, app, environment);
	}

	@Bean
	@ConditionalOnProperty(ManifestEnvironmentPostProcessor.PROPERTY)
	ManifestWriter funcbootManifestWriter(ManifestFactory manifests, Environment environment) {
		return new ManifestWriter(manifests, environment.getProperty(ManifestEnvironmentPostProcessor.PROPERTY));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class ActuatorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		ScalingEndpoint scalingEndpoint(ScalingPlanner planner, ManifestFactory manifests,
				ContainerAppRevision revision) {
			return new ScalingEndpoint(planner, manifests, revision);
		}

		@Bean
		InfoContributor funcbootContainerAppInfo(ContainerAppRevision revision) {
			return (builder) -> {
				if (revision.revision() != null) {
					builder.withDetail("containerApp", revision.describe());
				}
			};
		}

	}

	/** Every metric of a replica carries its revision, so revisions compare side by side. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MeterRegistry.class, MeterRegistryCustomizer.class })
	static class MetricsConfiguration {

		@Bean
		MeterRegistryCustomizer<MeterRegistry> funcbootRevisionTag(ContainerAppRevision revision) {
			return (registry) -> {
				if (revision.revision() != null) {
					registry.config().commonTags("revision", revision.revision());
				}
			};
		}

	}

}
