package dev.funcboot.trigger.storagequeue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.azure.storage.queue.QueueClient;
import dev.funcboot.actuate.FuncbootEndpoint;
import dev.funcboot.actuate.FuncbootEndpointAutoConfiguration;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.annotation.QueueOutput;
import dev.funcboot.functions.annotation.QueueTrigger;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.trigger.storagequeue.binder.QueueClientProvider;
import dev.funcboot.trigger.storagequeue.binder.QueueServiceClients;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueBinder;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueBinderConfiguration;
import dev.funcboot.trigger.timer.TimerTriggerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.BinderTypeRegistry;
import org.springframework.cloud.stream.config.BinderFactoryAutoConfiguration;
import org.springframework.cloud.stream.config.BindingServiceConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue trigger's beans with and without its libraries. Listeners never start here
 * ({@code funcboot.queue.auto-startup=false}), so no storage account is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class StorageQueueTriggerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				JacksonAutoConfiguration.class, TaskSchedulingAutoConfiguration.class, IntegrationAutoConfiguration.class,
				BindingServiceConfiguration.class, FunctionsAutoConfiguration.class,
				StorageQueueTriggerAutoConfiguration.class))
		.withPropertyValues("funcboot.queue.auto-startup=false",
				"funcboot.storage.connections.default.connection-string=UseDevelopmentStorage=true")
		// as Spring Cloud Stream's FunctionConfiguration imports it, before BindingServiceConfiguration
		.withUserConfiguration(BinderFactoryAutoConfiguration.class, QueueFunctions.class);

	@Test
	void bindsAnnotatedFunctionsWithTheirOutputs() {
		this.runner.withPropertyValues("funcboot.queue.batch-size=4").run((context) -> {
			assertThat(context).hasNotFailed();
			FunctionBinding intake = context.getBean(FunctionBindingRegistry.class).get("intake");
			QueueTriggerBinding trigger = (QueueTriggerBinding) intake.trigger();
			assertThat(trigger.queue()).isEqualTo("orders");
			assertThat(trigger.connection()).isEqualTo("default");
			assertThat(trigger.options().batchSize()).isEqualTo(4);
			assertThat(intake.outputs()).containsExactly(new QueueOutputBinding("accepted", "default"));
			assertThat(context).hasSingleBean(QueueTriggerBindings.class)
				.hasSingleBean(QueueTriggerStatus.class)
				.hasSingleBean(QueueTriggerMetrics.class)
				.hasSingleBean(QueueServiceClients.class);
			assertThat(context.getBean(QueueTriggerBindings.class).isRunning()).isFalse();
		});
	}

	@Test
	void propertiesAloneBindAFunctionAndOverrideItsQueueSettings() {
		this.runner
			.withPropertyValues("funcboot.functions.audit.queue.name=audit-log",
					"funcboot.functions.audit.queue.connection=archive",
					"funcboot.functions.audit.queue.message-encoding=none",
					"funcboot.functions.audit.queue-output.name=audited",
					"funcboot.functions.intake.queue.max-dequeue-count=9")
			.run((context) -> {
				FunctionBindingRegistry registry = context.getBean(FunctionBindingRegistry.class);
				QueueTriggerBinding audit = (QueueTriggerBinding) registry.get("audit").trigger();
				assertThat(audit.queue()).isEqualTo("audit-log");
				assertThat(audit.connection()).isEqualTo("archive");
				assertThat(audit.options().messageEncoding()).isEqualTo(QueueOptions.MessageEncoding.NONE);
				assertThat(registry.get("audit").outputs()).containsExactly(new QueueOutputBinding("audited", "default"));
				assertThat(((QueueTriggerBinding) registry.get("intake").trigger()).options().maxDequeueCount())
					.isEqualTo(9);
			});
	}

	@Test
	void theStorageQueueBinderIsRegisteredWithSpringCloudStream() {
		this.runner.run((context) -> {
			assertThat(context.getBean(BinderTypeRegistry.class).get(StorageQueueBinder.TYPE).getConfigurationClasses())
				.containsExactly(StorageQueueBinderConfiguration.class);
			assertThat(context).hasSingleBean(BinderFactory.class);
		});
	}

	@Test
	void theEndpointShowsTheQueueOutputsAndSettlementCounts() {
		this.runner
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, FuncbootEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.jmx.exposure.include=*", "spring.jmx.enabled=true")
			.run((context) -> {
				Map<String, Object> intake = context.getBean(FuncbootEndpoint.class).function("intake");
				assertThat(intake.get("outputs"))
					.isEqualTo(List.of(Map.of("type", "queue", "queue", "accepted", "connection", "default")));
				@SuppressWarnings("unchecked")
				Map<String, Object> trigger = (Map<String, Object>) intake.get("trigger");
				assertThat(trigger).containsEntry("type", "queue")
					.containsEntry("queue", "orders")
					.containsEntry("poisonQueue", "orders-poison")
					.containsEntry("listening", false)
					.containsEntry("messages", Map.of("completed", 0L, "retried", 0L, "deadLettered", 0L,
							"settlementFailures", 0L));
				Map<String, Object> all = context.getBean(FuncbootEndpoint.class).functions();
				assertThat(all.get("triggers")).isEqualTo(Map.of("queue", Map.of("running", false)));
			});
	}

	@Test
	void listenersBackOffWhenDisabledButBindingsStay() {
		this.runner.withPropertyValues("funcboot.queue.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(QueueTriggerBindings.class);
			assertThat(context.getBeansOfType(TriggerStatus.class)).isEmpty();
			assertThat(context.getBean(FunctionBindingRegistry.class).get("intake").trigger())
				.isInstanceOf(QueueTriggerBinding.class);
		});
	}

	@Test
	void backsOffWithoutTheStorageQueueSdk(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader(QueueClient.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(QueueTriggerBindings.class)
				.doesNotHaveBean(QueueTriggerBindingResolver.class);
			assertThat(context.getBean(FunctionBindingRegistry.class).get("intake")).isNull();
		});
		assertThat(output).contains("Function(s) intake are annotated with @QueueTrigger, but that trigger is not "
				+ "active, so they get no events: add com.azure:azure-storage-queue and "
				+ "org.springframework.cloud:spring-cloud-stream");
	}

	@Test
	void backsOffWithoutSpringCloudStream() {
		this.runner.withClassLoader(new FilteredClassLoader(BinderFactory.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(QueueTriggerBindings.class)
				.doesNotHaveBean(QueueServiceClients.class));
	}

	@Test
	void anApplicationClientProviderWins() {
		QueueClientProvider custom = (connection, queue) -> {
			throw new IllegalStateException("not in this test");
		};
		this.runner.withBean(QueueClientProvider.class, () -> custom)
			.run((context) -> assertThat(context).getBean(QueueClientProvider.class).isSameAs(custom));
	}

	@Test
	void aSupplierCannotBeAQueueFunction() {
		this.runner.withUserConfiguration(SupplierFunction.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Queue function 'tick' takes no input"));
	}

	@Test
	void anInvalidQueueNameFailsNamingTheFunction() {
		this.runner.withPropertyValues("funcboot.functions.audit.queue.name=Audit_Log")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Function 'audit'")
				.hasStackTraceContaining("lower-case letters"));
	}

	@Test
	void anOutputOnATriggerThatSendsNoneFailsInsteadOfDroppingResults() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					FunctionsAutoConfiguration.class, TimerTriggerAutoConfiguration.class,
					StorageQueueTriggerAutoConfiguration.class))
			.withPropertyValues("funcboot.timer.auto-startup=false")
			.withUserConfiguration(TimerWithOutput.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Function 'report' declares queue output(s), but its timer trigger does not "
						+ "send outputs"));
	}

	@Configuration(proxyBeanMethods = false)
	static class QueueFunctions {

		record Order(String id) {
		}

		@Bean
		@QueueTrigger(queue = "orders")
		@QueueOutput(queue = "accepted")
		Function<Order, String> intake() {
			return Order::id;
		}

		@Bean
		Consumer<String> audit() {
			return (text) -> {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SupplierFunction {

		@Bean
		@QueueTrigger(queue = "ticks")
		Supplier<String> tick() {
			return () -> "tick";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TimerWithOutput {

		@Bean
		@TimerTrigger("0 0 * * * *")
		@QueueOutput(queue = "reports")
		Supplier<String> report() {
			return () -> "report";
		}

	}

}
