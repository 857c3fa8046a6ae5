package dev.funcboot.autoconfigure;

import java.time.Clock;
import java.util.Locale;

import dev.funcboot.functions.pipeline.ErrorClassifier;
import dev.funcboot.functions.pipeline.FunctionStatistics;
import dev.funcboot.functions.pipeline.InvocationListener;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.Sleeper;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The programming model: function bindings from annotations and properties, their functions
 * resolved through Spring Cloud Function's catalog, and the one invocation pipeline every
 * trigger uses.
 */
@AutoConfiguration(after = ContextFunctionCatalogAutoConfiguration.class,
		afterName = "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration")
@ConditionalOnClass(FunctionCatalog.class)
@EnableConfigurationProperties(FunctionsProperties.class)
public class FunctionsAutoConfiguration {

	/** The clock of timers, deadlines and statistics; tests replace it to move time. */
	@Bean
	@ConditionalOnMissingBean
	Clock funcbootClock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionStatistics funcbootFunctionStatistics(Clock clock) {
		return new FunctionStatistics(clock);
	}

	@Bean
	@ConditionalOnMissingBean
	InvocationPipeline funcbootInvocationPipeline(ObjectProvider<ObservationRegistry> observationRegistry,
			Clock clock, FunctionStatistics statistics, ObjectProvider<InvocationListener> listeners,
			ObjectProvider<ErrorClassifier> classifier, ObjectProvider<Sleeper> sleeper,
			ListableBeanFactory beanFactory, Environment environment) {
		InvocationPipeline.Builder builder = InvocationPipeline.builder()
			.observationRegistry(observeInvocations(environment, beanFactory)
					? observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP)
			.clock(clock)
			.errorClassifier(classifier.getIfAvailable(() -> ErrorClassifier.DEFAULT))
			.sleeper(sleeper.getIfAvailable(() -> Sleeper.SYSTEM))
			.listener(statistics);
		// the statistics bean is itself an InvocationListener bean: add it once
		listeners.orderedStream().filter((listener) -> listener != statistics).forEach(builder::listener);
		return builder.build();
	}

	/**
	 * Whether invocations are observations ({@code funcboot.observations.invocations}): {@code auto}
	 * (the default) when a tracer is configured, so each invocation is a span; {@code always} (for
	 * other observation handlers); {@code never}. Metrics do not need it: they come from the
	 * pipeline's listeners. Spring Kafka and Spring AMQP make the same choice for their listeners.
	 */
	static boolean observeInvocations(Environment environment,
			ListableBeanFactory beanFactory) {
		String mode = environment.getProperty("funcboot.observations.invocations", "auto").trim().toLowerCase(Locale.ROOT);
		return switch (mode) {
			case "always" -> true;
			case "never" -> false;
			case "auto" -> ClassUtils.isPresent("io.micrometer.tracing.Tracer",
					FunctionsAutoConfiguration.class.getClassLoader()) && Tracing.hasTracer(beanFactory);
			default -> throw new IllegalStateException("funcboot.observations.invocations is '" + mode
					+ "'; use auto (observed when a tracer is configured), always or never");
		};
	}

	/** Kept apart so that the tracer's class is only loaded when it is present. */
	private static final class Tracing {

		static boolean hasTracer(ListableBeanFactory beanFactory) {
			Tracer tracer = beanFactory.getBeanProvider(Tracer.class).getIfAvailable();
			return tracer != null && tracer != Tracer.NOOP;
		}

	}

	@Bean
	@ConditionalOnMissingBean
	FunctionBindingRegistry funcbootFunctionBindingRegistry(ListableBeanFactory beanFactory,
			FunctionsProperties properties, ObjectProvider<TriggerBindingResolver> resolvers,
			ObjectProvider<OutputBindingResolver> outputResolvers, Environment environment) {
		return new FunctionBindingDiscovery(beanFactory, properties, resolvers.orderedStream().toList(),
				outputResolvers.orderedStream().toList(), new BindingValues(environment))
			.discover();
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionOutputs funcbootFunctionOutputs(ObjectProvider<OutputSenderProvider> providers) {
		return new FunctionOutputs(providers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	TraceHeaders funcbootTraceHeaders() {
		return TraceHeaders.NONE;
	}

	/** Outputs propagate the invocation's span when Micrometer Tracing is there. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
	static class TracingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TraceHeaders funcbootMicrometerTraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
			return new MicrometerTraceHeaders(tracer, propagator);
		}

	}

	@Bean
	@ConditionalOnMissingBean
	FunctionHandles funcbootFunctionHandles(FunctionBindingRegistry registry, FunctionCatalog catalog) {
		return new FunctionHandles(registry, catalog);
	}

}
