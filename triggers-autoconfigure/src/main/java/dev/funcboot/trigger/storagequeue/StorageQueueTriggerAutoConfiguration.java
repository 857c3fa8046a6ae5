package dev.funcboot.trigger.storagequeue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.azure.core.credential.TokenCredential;
import com.azure.storage.queue.QueueClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.FunctionOutputs;
import dev.funcboot.autoconfigure.OutputSender;
import dev.funcboot.autoconfigure.TraceHeaders;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.trigger.storagequeue.binder.AzureCredentials;
import dev.funcboot.trigger.storagequeue.binder.QueueClientProvider;
import dev.funcboot.trigger.storagequeue.binder.QueueServiceClients;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Storage queue trigger and output: {@code @QueueTrigger} functions consume their queue through
 * Funcboot's {@code storagequeue} Spring Cloud Stream binder, and {@code @QueueOutput} results are
 * sent through it. Backs off without the Azure Storage queue SDK or Spring Cloud Stream. Queue
 * bindings are resolved and validated even when {@code funcboot.queue.enabled=false}; only the
 * listeners back off.
 */
@AutoConfiguration(after = { FunctionsAutoConfiguration.class, JacksonAutoConfiguration.class },
		afterName = "org.springframework.cloud.stream.config.BindingServiceConfiguration")
@ConditionalOnClass({ QueueClient.class, BinderFactory.class, FunctionCatalog.class })
@EnableConfigurationProperties({ StorageQueueProperties.class, StorageConnectionProperties.class })
public class StorageQueueTriggerAutoConfiguration {

	private static final Log logger = LogFactory.getLog(StorageQueueTriggerAutoConfiguration.class);

	@Bean
	static QueueTriggerBindingResolver queueTriggerBindingResolver(ObjectProvider<StorageQueueProperties> properties) {
		return new QueueTriggerBindingResolver(() -> properties.getObject().toOptions());
	}

	@Bean
	static QueueOutputBindingResolver queueOutputBindingResolver() {
		return new QueueOutputBindingResolver();
	}

	/**
	 * Named storage connections for the binder (which finds this bean from its child context):
	 * {@code funcboot.storage.connections.<name>.*}, else a property named like the connection.
	 */
	@Bean
	@ConditionalOnMissingBean(QueueClientProvider.class)
	QueueServiceClients funcbootQueueServiceClients(StorageConnectionProperties properties, Environment environment,
			ObjectProvider<TokenCredential> credential) {
		Supplier<TokenCredential> defaultCredential = AzureCredentials.defaultCredential();
		return new QueueServiceClients(new StorageConnectionLookup(properties, environment),
				() -> credential.getIfAvailable(defaultCredential), StorageConnectionLookup.PREFIX);
	}

	/** Output queues of every function, whichever its trigger; sent even when listening is off. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(BinderFactory.class)
	static class OutputConfiguration {

		@Bean
		QueueOutputBindings funcbootQueueOutputBindings(FunctionBindingRegistry registry, BinderFactory binderFactory,
				StorageQueueProperties properties, ObjectProvider<ObjectMapper> objectMapper,
				TraceHeaders traceHeaders) {
			ObjectMapper mapper = objectMapper.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build());
			return new QueueOutputBindings(List.copyOf(registry.all()), binderFactory, properties, mapper, traceHeaders);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "funcboot.queue.enabled", matchIfMissing = true)
	@ConditionalOnBean(BinderFactory.class)
	static class ListenerConfiguration {

		@Bean
		QueueTriggerBindings funcbootQueueTriggerBindings(FunctionBindingRegistry registry, FunctionHandles handles,
				InvocationPipeline pipeline, BinderFactory binderFactory, StorageQueueProperties properties,
				ObjectProvider<ObjectMapper> objectMapper, FunctionOutputs outputs) {
			ObjectMapper mapper = objectMapper.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build());
			Map<String, QueueInputDecoder> decoders = new HashMap<>();
			List<FunctionBinding> enabled = registry.ofType(QueueTriggerBinding.TYPE)
				.stream()
				.filter((binding) -> {
					if (!binding.enabled()) {
						logger.info("Queue function '" + binding.name() + "' is disabled");
					}
					return binding.enabled();
				})
				.toList();
			for (FunctionBinding binding : enabled) {
				// checked now, so a function that cannot take messages fails the start-up
				FunctionHandle handle = handles.get(binding.name());
				decoders.put(binding.name(),
						new QueueInputDecoder(binding.name(), handle.isSupplier() ? null : handle.inputType(), mapper));
			}
			Set<String> batch = decoders.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().isBatch())
				.map(Map.Entry::getKey)
				.collect(Collectors.toSet());
			return new QueueTriggerBindings(enabled, batch, binderFactory, properties, (binding) -> {
				FunctionHandle handle = handles.get(binding.name());
				QueueTriggerBinding trigger = (QueueTriggerBinding) binding.trigger();
				QueueInputDecoder decoder = decoders.get(binding.name());
				OutputSender sender = outputs.forFunction(binding);
				QueueSettlement settlement = new QueueSettlement(binding.name(),
						QueueRetries.of(binding.policy(), trigger.options()));
				return decoder.isBatch() ? new QueueBatchHandler(handle, pipeline, decoder, sender, settlement)
						: new QueueTriggerHandler(handle, pipeline, decoder, sender, settlement);
			});
		}

		@Bean
		QueueTriggerStatus queueTriggerStatus(QueueTriggerBindings bindings) {
			return new QueueTriggerStatus(bindings);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterBinder.class)
		static class MetricsConfiguration {

			@Bean
			QueueTriggerMetrics queueTriggerMetrics(FunctionBindingRegistry registry, QueueTriggerBindings bindings) {
				return new QueueTriggerMetrics(registry.ofType(QueueTriggerBinding.TYPE), bindings);
			}

		}

	}

}
