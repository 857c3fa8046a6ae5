package dev.funcboot.trigger.blob;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.queue.QueueClient;
import dev.funcboot.actuate.FuncbootEndpoint;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.annotation.BlobOutput;
import dev.funcboot.functions.annotation.BlobTrigger;
import dev.funcboot.functions.annotation.QueueOutput;
import dev.funcboot.functions.annotation.QueueTrigger;
import dev.funcboot.functions.binding.BlobOptions;
import dev.funcboot.functions.binding.BlobOutputBinding;
import dev.funcboot.functions.binding.BlobTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.blob.BlobInput;
import dev.funcboot.functions.blob.BlobPath;
import dev.funcboot.functions.pipeline.FunctionStatistics;
import dev.funcboot.trigger.storagequeue.StorageQueueTriggerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blob trigger's beans with and without its libraries. Pollers never start here
 * ({@code funcboot.blob.auto-startup=false}), so no storage account is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlobTriggerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				JacksonAutoConfiguration.class, FunctionsAutoConfiguration.class, BlobTriggerAutoConfiguration.class,
				StorageQueueTriggerAutoConfiguration.class))
		.withPropertyValues("funcboot.blob.auto-startup=false",
				"funcboot.storage.connections.default.connection-string=UseDevelopmentStorage=true");

	@Test
	void bindsAnnotatedFunctionsWithBlobAndQueueOutputs() {
		this.runner.withUserConfiguration(BlobFunctions.class)
			.withPropertyValues("funcboot.blob.poison-blob-threshold=3",
					"funcboot.functions.split.blob.polling-interval=1s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				FunctionBinding split = context.getBean(FunctionBindingRegistry.class).get("split");
				BlobTriggerBinding trigger = (BlobTriggerBinding) split.trigger();
				assertThat(trigger.path()).isEqualTo(BlobPath.parse("uploads/{name}.csv"));
				assertThat(trigger.connection()).isEqualTo("default");
				assertThat(trigger.options().poisonBlobThreshold()).isEqualTo(3);
				assertThat(trigger.options().pollingInterval()).hasSeconds(1);
				assertThat(split.outputs()).containsExactlyInAnyOrder(new QueueOutputBinding("orders", "default"),
						new BlobOutputBinding(BlobPath.parse("processed/{name}.json"), "default"));
				assertThat(context).hasSingleBean(BlobTriggerListeners.class)
					.hasSingleBean(BlobTriggerStatus.class)
					.hasSingleBean(BlobTriggerMetrics.class)
					.hasSingleBean(BlobServiceClients.class);
				assertThat(context.getBean(BlobTriggerListeners.class).isRunning()).isFalse();
			});
	}

	@Test
	void theEndpointShowsTheTriggerItsOutputsAndCounts() {
		this.runner.withUserConfiguration(BlobFunctions.class).run((context) -> {
			FuncbootEndpoint endpoint = new FuncbootEndpoint(context.getBean(FunctionBindingRegistry.class),
					context.getBean(FunctionStatistics.class),
					context.getBeanProvider(TriggerStatus.class).orderedStream().toList());
			Map<String, Object> split = endpoint.function("split");
			@SuppressWarnings("unchecked")
			Map<String, Object> trigger = (Map<String, Object>) split.get("trigger");
			assertThat(trigger).containsEntry("type", "blob")
				.containsEntry("path", "uploads/{name}.csv")
				.containsEntry("listening", false)
				.containsEntry("messages", Map.of("completed", 0L, "retried", 0L, "deadLettered", 0L,
						"settlementFailures", 0L));
			assertThat((List<?>) split.get("outputs")).hasSize(2);
		});
	}

	@Test
	void backsOffWithoutTheBlobSdkAndSaysWhatToAdd(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader(BlobServiceClient.class))
			.withUserConfiguration(BlobFunctions.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(BlobTriggerBindingResolver.class)
					.doesNotHaveBean(BlobTriggerListeners.class);
				assertThat(context.getBean(FunctionBindingRegistry.class).get("split")).isNull();
				assertThat(output).contains("annotated with @BlobTrigger, but that trigger is not active")
					.contains("com.azure:azure-storage-blob");
			});
	}

	@Test
	void backsOffWithoutTheQueueSdkWhichCarriesPoisonMessages() {
		this.runner.withClassLoader(new FilteredClassLoader(QueueClient.class))
			.withUserConfiguration(BlobFunctions.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BlobTriggerBindingResolver.class));
	}

	@Test
	void aQueueOutputWithoutSpringCloudStreamFailsInsteadOfDroppingResults() {
		this.runner.withClassLoader(new FilteredClassLoader(BinderFactory.class))
			.withUserConfiguration(BlobFunctions.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Blob function 'split' is annotated with @QueueOutput, but queue outputs are "
						+ "not active")
				.hasStackTraceContaining("spring-cloud-stream"));
	}

	@Test
	void disabledBlobTriggersAreStillValidatedAndListed() {
		this.runner.withUserConfiguration(BlobFunctions.class)
			.withPropertyValues("funcboot.blob.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(BlobTriggerListeners.class);
				assertThat(context.getBean(FunctionBindingRegistry.class).get("split")).isNotNull();
			});
		this.runner.withUserConfiguration(BlobFunctions.class)
			.withPropertyValues("funcboot.blob.enabled=false", "funcboot.functions.split.blob.path=Bad/{name}")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("container 'Bad' is invalid"));
	}

	@Test
	void anOutputPathWithAValueTheTriggerDoesNotGiveFailsTheStartUp() {
		this.runner.withUserConfiguration(BlobFunctions.class)
			.withPropertyValues("funcboot.functions.split.blob-output.path=processed/{id}.json")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("blob output path 'processed/{id}.json' uses {id}, but the trigger's path gives "
						+ "only [name]"));
	}

	@Test
	void aBlobOutputOnAQueueTriggerFailsInsteadOfDroppingResults() {
		this.runner.withUserConfiguration(QueueWithBlobOutput.class)
			.withPropertyValues("funcboot.queue.enabled=false")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Function 'relay' declares blob output(s), but its queue trigger does not send "
						+ "blob outputs"));
	}

	@Test
	void aSupplierCannotTakeBlobs() {
		this.runner.withUserConfiguration(SupplierFunction.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Blob function 'tick' takes no input"));
	}

	@Test
	void invalidSharedNamesFailTheStartUp() {
		this.runner.withUserConfiguration(BlobFunctions.class)
			.withPropertyValues("funcboot.blob.poison-queue=Bad_Queue")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("funcboot.blob.poison-queue is invalid"));
		this.runner.withUserConfiguration(BlobFunctions.class)
			.withPropertyValues("funcboot.blob.receipts-container=hosts/receipts")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("funcboot.blob.receipts-container 'hosts/receipts' is invalid"));
	}

	@Test
	void propertyDefaultsAreTheCoreConstants() {
		BlobTriggerProperties properties = new BlobTriggerProperties();
		assertThat(properties.toOptions()).isEqualTo(BlobOptions.DEFAULTS);
		assertThat(properties.getPoisonQueue()).isEqualTo(BlobTriggerBinding.DEFAULT_POISON_QUEUE);
		assertThat(properties.getReceiptsContainer()).isEqualTo("funcboot-hosts");
	}

	@Configuration(proxyBeanMethods = false)
	static class BlobFunctions {

		@Bean
		@BlobTrigger(path = "uploads/{name}.csv")
		@QueueOutput(queue = "orders")
		@BlobOutput(path = "processed/{name}.json")
		Function<BlobInput<String>, List<String>> split() {
			return (blob) -> List.of(blob.content().split("\n"));
		}

		@Bean
		@BlobTrigger(path = "images/{name}")
		Consumer<byte[]> thumbnail() {
			return (bytes) -> {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QueueWithBlobOutput {

		@Bean
		@QueueTrigger(queue = "incoming")
		@BlobOutput(path = "out/{rand-guid}")
		Function<String, String> relay() {
			return (text) -> text;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SupplierFunction {

		@Bean
		@BlobTrigger(path = "uploads/{name}")
		Supplier<String> tick() {
			return () -> "tick";
		}

	}

}
