package dev.funcboot.trigger.blob;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import com.azure.core.credential.TokenCredential;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.queue.QueueClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.autoconfigure.TraceHeaders;
import dev.funcboot.functions.annotation.QueueOutput;
import dev.funcboot.functions.binding.BlobOutputBinding;
import dev.funcboot.functions.binding.BlobTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.blob.BlobPath;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.trigger.storagequeue.StorageConnectionLookup;
import dev.funcboot.trigger.storagequeue.StorageConnectionProperties;
import dev.funcboot.trigger.storagequeue.binder.AzureCredentials;
import dev.funcboot.trigger.storagequeue.binder.QueueClientProvider;
import dev.funcboot.trigger.storagequeue.binder.QueueNames;
import dev.funcboot.trigger.storagequeue.binder.QueueServiceClients;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Blob trigger and output: {@code @BlobTrigger} functions run once per new or changed blob
 * version, found by polling and recorded by receipts in the storage account; {@code @BlobOutput}
 * writes their results, and {@code @QueueOutput} sends them to queues. Backs off without the Azure
 * Storage blob and queue SDKs (the queue carries poison messages). Blob bindings are resolved and
 * validated even when {@code funcboot.blob.enabled=false}; only the pollers back off.
 */
@AutoConfiguration(after = { FunctionsAutoConfiguration.class, JacksonAutoConfiguration.class },
		afterName = "dev.funcboot.trigger.storagequeue.StorageQueueTriggerAutoConfiguration")
@ConditionalOnClass({ BlobServiceClient.class, QueueClient.class, FunctionCatalog.class })
@EnableConfigurationProperties({ BlobTriggerProperties.class, StorageConnectionProperties.class })
public class BlobTriggerAutoConfiguration {

	private static final Log logger = LogFactory.getLog(BlobTriggerAutoConfiguration.class);

	@Bean
	static BlobTriggerBindingResolver blobTriggerBindingResolver(ObjectProvider<BlobTriggerProperties> properties) {
		return new BlobTriggerBindingResolver(() -> properties.getObject().toOptions());
	}

	@Bean
	static BlobOutputBindingResolver blobOutputBindingResolver() {
		return new BlobOutputBindingResolver();
	}

	/** Named storage connections for blobs: the same {@code funcboot.storage.connections.*} as queues. */
	@Bean
	@ConditionalOnMissingBean
	BlobServiceClients funcbootBlobServiceClients(StorageConnectionProperties properties, Environment environment,
			ObjectProvider<TokenCredential> credential) {
		Supplier<TokenCredential> defaultCredential = AzureCredentials.defaultCredential();
		return new BlobServiceClients(properties, environment, () -> credential.getIfAvailable(defaultCredential));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "funcboot.blob.enabled", matchIfMissing = true)
	static class ListenerConfiguration {

		@Bean
		BlobTriggerListeners funcbootBlobTriggerListeners(FunctionBindingRegistry registry, FunctionHandles handles,
				InvocationPipeline pipeline, BlobTriggerProperties properties, BlobServiceClients blobClients,
				ObjectProvider<QueueClientProvider> queueClients, StorageConnectionProperties connections,
				Environment environment, ObjectProvider<TokenCredential> credential,
				ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<Clock> clock, ListableBeanFactory beanFactory,
				ObjectProvider<TraceHeaders> traceHeaders) {
			ObjectMapper mapper = objectMapper.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build());
			Clock time = clock.getIfAvailable(Clock::systemUTC);
			Supplier<TokenCredential> defaultCredential = AzureCredentials.defaultCredential();
			QueueClientProvider queues = queueClients.getIfAvailable(() -> new QueueServiceClients(
					new StorageConnectionLookup(connections, environment),
					() -> credential.getIfAvailable(defaultCredential), StorageConnectionLookup.PREFIX));
			Binder binder = Binder.get(environment);
			MessageEncoding encoding = binder.bind("funcboot.queue.message-encoding", MessageEncoding.class)
				.orElse(MessageEncoding.BASE64);
			boolean createQueues = binder.bind("funcboot.queue.create-queues", Boolean.class).orElse(true);
			// queue outputs in a trace envelope, as the queue binder's producers write them
			QueueTrace trace = new QueueTrace(binder.bind("funcboot.queue.trace-envelope", Boolean.class).orElse(false),
					traceHeaders.getIfAvailable(() -> TraceHeaders.NONE));
			checkNames(properties);
			List<FunctionBinding> enabled = registry.ofType(BlobTriggerBinding.TYPE).stream().filter((binding) -> {
				if (!binding.enabled()) {
					logger.info("Blob function '" + binding.name() + "' is disabled");
				}
				return binding.enabled();
			}).toList();
			for (FunctionBinding binding : enabled) {
				// checked now, so a function that cannot take blobs (or writes to a path it cannot fill) fails the start-up
				FunctionHandle handle = handles.get(binding.name());
				checkQueueOutputIsActive(binding, beanFactory);
				new BlobInputDecoder(binding.name(), handle.isSupplier() ? null : handle.inputType(), mapper);
				outputs(binding, blobClients, queues, encoding, mapper, properties.isCreateContainers() && createQueues,
						trace);
			}
			return new BlobTriggerListeners(enabled, (binding, counts, renewals) -> {
				BlobTriggerBinding trigger = (BlobTriggerBinding) binding.trigger();
				FunctionHandle handle = handles.get(binding.name());
				BlobServiceClient service = blobClients.serviceClient(trigger.connection());
				BlobContainerClient container = service.getBlobContainerClient(trigger.path().container());
				BlobReceipts receipts = new BlobReceipts(
						service.getBlobContainerClient(properties.getReceiptsContainer()), time);
				BlobTriggerHandler handler = new BlobTriggerHandler(handle, pipeline,
						new BlobInputDecoder(binding.name(), handle.inputType(), mapper),
						outputs(binding, blobClients, queues, encoding, mapper,
								properties.isCreateContainers() && createQueues, trace),
						new BlobPoisonQueue(queues, trigger.connection(), properties.getPoisonQueue(), encoding, time),
						BlobRetries.of(binding.policy(), trigger.options()), counts, time);
				int maxConcurrency = binding.policy().maxConcurrency();
				int workers = (maxConcurrency > 0) ? Math.min(maxConcurrency, trigger.options().maxBlobsPerScan())
						: trigger.options().maxBlobsPerScan();
				return new BlobPoller(binding.name(), trigger, container, receipts, handler, workers, renewals, time);
			}, properties.isAutoStartup(), properties.getShutdownTimeout());
		}

		private static BlobFunctionOutputs outputs(FunctionBinding binding, BlobServiceClients blobClients,
				QueueClientProvider queues, MessageEncoding encoding, ObjectMapper mapper, boolean create,
				QueueTrace trace) {
			BlobTriggerBinding trigger = (BlobTriggerBinding) binding.trigger();
			return new BlobFunctionOutputs(binding.name(), trigger.path().names(),
					binding.outputsOfType(BlobOutputBinding.class), binding.outputsOfType(QueueOutputBinding.class),
					blobClients, queues, encoding, mapper, create, trace.envelope(), trace.headers());
		}

		/** Whether queue outputs go in a trace envelope, and the trace they carry. */
		private record QueueTrace(boolean envelope, TraceHeaders headers) {
		}

		/** A {@code @QueueOutput} whose resolver backed off would drop the function's results, silently. */
		private static void checkQueueOutputIsActive(FunctionBinding binding, ListableBeanFactory beanFactory) {
			if (beanFactory.containsBeanDefinition(binding.name())
					&& beanFactory.findAnnotationOnBean(binding.name(), QueueOutput.class) != null
					&& binding.outputsOfType(QueueOutputBinding.class).isEmpty()) {
				throw new IllegalStateException("Blob function '" + binding.name() + "' is annotated with @QueueOutput, "
						+ "but queue outputs are not active, so its results would be lost: add "
						+ "org.springframework.cloud:spring-cloud-stream to the class path (queue outputs ride on "
						+ "Funcboot's storagequeue binder configuration)");
			}
		}

		private static void checkNames(BlobTriggerProperties properties) {
			try {
				BlobPath receipts = BlobPath.parse(properties.getReceiptsContainer());
				if (!receipts.blobPattern().isEmpty()) {
					throw new IllegalArgumentException("it must be a container name, without '/'");
				}
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("funcboot.blob.receipts-container '" + properties.getReceiptsContainer()
						+ "' is invalid: " + ex.getMessage(), ex);
			}
			String problem = QueueNames.problem(properties.getPoisonQueue());
			if (problem != null) {
				throw new IllegalStateException("funcboot.blob.poison-queue is invalid: " + problem);
			}
		}

		@Bean
		BlobTriggerStatus blobTriggerStatus(BlobTriggerListeners listeners) {
			return new BlobTriggerStatus(listeners);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterBinder.class)
		static class MetricsConfiguration {

			@Bean
			BlobTriggerMetrics blobTriggerMetrics(FunctionBindingRegistry registry, BlobTriggerListeners listeners) {
				return new BlobTriggerMetrics(registry.ofType(BlobTriggerBinding.TYPE), listeners);
			}

		}

	}

}
