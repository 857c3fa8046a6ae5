package dev.funcboot.trigger.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.autoconfigure.TraceHeaders;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.Sleeper;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Broker triggers and outputs through Spring Cloud Stream binders: {@code @KafkaTrigger},
 * {@code @RabbitTrigger}, {@code @EventHubTrigger}, {@code @ServiceBusTrigger} and their outputs.
 * The bindings are resolved and validated whenever Spring Cloud Stream is present (even with
 * {@code funcboot.stream.enabled=false}); each broker's adapter ({@link StreamBroker}) comes from
 * its own auto-configuration, which backs off without the binder.
 */
@AutoConfiguration(after = { FunctionsAutoConfiguration.class, JacksonAutoConfiguration.class },
		afterName = "org.springframework.cloud.stream.config.BindingServiceConfiguration")
@ConditionalOnClass({ BinderFactory.class, FunctionCatalog.class })
@EnableConfigurationProperties(StreamProperties.class)
public class StreamTriggerAutoConfiguration {

	private static final Log logger = LogFactory.getLog(StreamTriggerAutoConfiguration.class);

	@Bean
	static StreamTriggerBindingResolver kafkaTriggerBindingResolver(ObjectProvider<StreamProperties> properties) {
		return new StreamTriggerBindingResolver(StreamTriggerKind.KAFKA, () -> properties.getObject().toOptions());
	}

	@Bean
	static StreamOutputBindingResolver kafkaOutputBindingResolver() {
		return new StreamOutputBindingResolver(StreamTriggerKind.KAFKA);
	}

	@Bean
	static StreamTriggerBindingResolver rabbitTriggerBindingResolver(ObjectProvider<StreamProperties> properties) {
		return new StreamTriggerBindingResolver(StreamTriggerKind.RABBIT, () -> properties.getObject().toOptions());
	}

	@Bean
	static StreamOutputBindingResolver rabbitOutputBindingResolver() {
		return new StreamOutputBindingResolver(StreamTriggerKind.RABBIT);
	}

	@Bean
	static StreamTriggerBindingResolver eventHubTriggerBindingResolver(ObjectProvider<StreamProperties> properties) {
		return new StreamTriggerBindingResolver(StreamTriggerKind.EVENT_HUB, () -> properties.getObject().toOptions());
	}

	@Bean
	static StreamOutputBindingResolver eventHubOutputBindingResolver() {
		return new StreamOutputBindingResolver(StreamTriggerKind.EVENT_HUB);
	}

	@Bean
	static StreamTriggerBindingResolver serviceBusTriggerBindingResolver(ObjectProvider<StreamProperties> properties) {
		return new StreamTriggerBindingResolver(StreamTriggerKind.SERVICE_BUS, () -> properties.getObject().toOptions());
	}

	@Bean
	static StreamOutputBindingResolver serviceBusOutputBindingResolver() {
		return new StreamOutputBindingResolver(StreamTriggerKind.SERVICE_BUS);
	}

	/** Broker outputs of functions with other triggers; sent even when broker listening is off. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(BinderFactory.class)
	static class OutputConfiguration {

		@Bean
		StreamOutputBindings funcbootStreamOutputBindings(FunctionBindingRegistry registry, BinderFactory binderFactory,
				ObjectProvider<StreamBroker> brokers, StreamProperties properties, Environment environment,
				ObjectProvider<ObjectMapper> objectMapper, TraceHeaders traceHeaders) {
			ObjectMapper mapper = objectMapper.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build());
			return new StreamOutputBindings(List.copyOf(registry.all()),
					new StreamProducers(binderFactory, brokers.orderedStream().toList(),
							new StreamBindingProperties(environment)),
					mapper, traceHeaders, properties.isAutoStartup());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "funcboot.stream.enabled", matchIfMissing = true)
	@ConditionalOnBean(BinderFactory.class)
	static class ListenerConfiguration {

		@Bean
		StreamTriggerBindings funcbootStreamTriggerBindings(FunctionBindingRegistry registry, FunctionHandles handles,
				InvocationPipeline pipeline, BinderFactory binderFactory, ObjectProvider<StreamBroker> brokers,
				StreamProperties properties, Environment environment, ObjectProvider<ObjectMapper> objectMapper,
				ObjectProvider<Sleeper> sleeper, ObjectProvider<TraceHeaders> traceHeaders) {
			ObjectMapper mapper = objectMapper.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build());
			List<FunctionBinding> enabled = new ArrayList<>();
			for (StreamTriggerKind kind : StreamTriggerKind.values()) {
				for (FunctionBinding binding : registry.ofType(kind.type)) {
					if (binding.enabled()) {
						enabled.add(binding);
					}
					else {
						logger.info("Broker function '" + binding.name() + "' is disabled");
					}
				}
			}
			Map<String, StreamInputDecoder> decoders = new HashMap<>();
			for (FunctionBinding binding : enabled) {
				// checked now, so a function that cannot take messages fails the start-up
				FunctionHandle handle = handles.get(binding.name());
				decoders.put(binding.name(),
						new StreamInputDecoder(binding.name(), handle.isSupplier() ? null : handle.inputType(), mapper));
			}
			Set<String> batch = decoders.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().isBatch())
				.map(Map.Entry::getKey)
				.collect(Collectors.toSet());
			TraceHeaders trace = traceHeaders.getIfAvailable(() -> TraceHeaders.NONE);
			return new StreamTriggerBindings(enabled, batch, binderFactory, brokers.orderedStream().toList(),
					new StreamBindingProperties(environment), properties,
					(binding, outputs, counts, deliveries) -> new StreamTriggerHandler(handles.get(binding.name()),
							pipeline, decoders.get(binding.name()), new StreamOutputSender(outputs, mapper, trace),
							counts, deliveries, sleeper.getIfAvailable(() -> Sleeper.SYSTEM)));
		}

		@Bean
		StreamTriggerStatus kafkaTriggerStatus(StreamTriggerBindings bindings) {
			return new StreamTriggerStatus(StreamTriggerKind.KAFKA.type, bindings);
		}

		@Bean
		StreamTriggerStatus rabbitTriggerStatus(StreamTriggerBindings bindings) {
			return new StreamTriggerStatus(StreamTriggerKind.RABBIT.type, bindings);
		}

		@Bean
		StreamTriggerStatus eventHubTriggerStatus(StreamTriggerBindings bindings) {
			return new StreamTriggerStatus(StreamTriggerKind.EVENT_HUB.type, bindings);
		}

		@Bean
		StreamTriggerStatus serviceBusTriggerStatus(StreamTriggerBindings bindings) {
			return new StreamTriggerStatus(StreamTriggerKind.SERVICE_BUS.type, bindings);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterBinder.class)
		static class MetricsConfiguration {

			@Bean
			StreamTriggerMetrics streamTriggerMetrics(StreamTriggerBindings bindings) {
				return new StreamTriggerMetrics(bindings);
			}

		}

	}

}
