package dev.funcboot.trigger.stream;

import java.time.Duration;

import com.azure.spring.cloud.service.servicebus.properties.ServiceBusEntityType;
import com.azure.spring.cloud.stream.binder.eventhubs.core.properties.EventHubsConsumerProperties;
import com.azure.spring.cloud.stream.binder.servicebus.core.properties.ServiceBusConsumerProperties;
import com.azure.spring.cloud.stream.binder.servicebus.core.properties.ServiceBusProducerProperties;
import com.azure.spring.messaging.eventhubs.core.checkpoint.CheckpointMode;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.StreamOptions;
import dev.funcboot.functions.binding.StreamOutputBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.eventhubs.EventHubsStreamBroker;
import dev.funcboot.trigger.eventhubs.EventHubsTriggerAutoConfiguration;
import dev.funcboot.trigger.kafka.KafkaStreamBroker;
import dev.funcboot.trigger.kafka.KafkaTriggerAutoConfiguration;
import dev.funcboot.trigger.rabbit.RabbitStreamBroker;
import dev.funcboot.trigger.rabbit.RabbitTriggerAutoConfiguration;
import dev.funcboot.trigger.servicebus.ServiceBusStreamBroker;
import dev.funcboot.trigger.servicebus.ServiceBusTriggerAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.binder.rabbit.properties.RabbitConsumerProperties;
import org.springframework.cloud.stream.config.BinderFactoryAutoConfiguration;
import org.springframework.cloud.stream.config.BindingServiceConfiguration;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker triggers' wiring, without any broker: what the annotations and properties resolve
 * to, the Spring Cloud Stream properties generated for each binder (Kafka, RabbitMQ, Event Hubs,
 * Service Bus), that users may override them, and which beans back off without their binder.
 * Bindings never start here ({@code funcboot.stream.auto-startup=false}).
 */
class StreamTriggerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				JacksonAutoConfiguration.class, TaskSchedulingAutoConfiguration.class, IntegrationAutoConfiguration.class,
				BindingServiceConfiguration.class, FunctionsAutoConfiguration.class, KafkaTriggerAutoConfiguration.class,
				RabbitTriggerAutoConfiguration.class, EventHubsTriggerAutoConfiguration.class,
				ServiceBusTriggerAutoConfiguration.class, StreamTriggerAutoConfiguration.class))
		.withPropertyValues("funcboot.stream.auto-startup=false")
		.withUserConfiguration(BinderFactoryAutoConfiguration.class, BrokerFunctions.class);

	@Test
	void annotationsResolveToBindingsWithTheirOutputs() {
		this.runner.withPropertyValues("orders.topic=orders-v2").run((context) -> {
			assertThat(context).hasNotFailed();
			FunctionBindingRegistry registry = context.getBean(FunctionBindingRegistry.class);
			StreamOptions defaults = StreamOptions.DEFAULTS;
			assertThat(registry.get("bill").trigger())
				.isEqualTo(new StreamTriggerBinding("kafka", "orders-v2", "billing", "kafka", null, defaults));
			assertThat(registry.get("bill").outputs())
				.containsExactly(new StreamOutputBinding("kafka", "billed", "kafka", null, null));
			assertThat(registry.get("ship").trigger())
				.isEqualTo(new StreamTriggerBinding("rabbit", "orders", "ship", "rabbit", "orders.eu.#", defaults));
			assertThat(registry.get("ship").outputs())
				.containsExactly(new StreamOutputBinding("rabbit", "shipments", "rabbit", "eu", null));
			assertThat(registry.get("measure").trigger()).isEqualTo(
					new StreamTriggerBinding("eventhub", "telemetry", "$Default", "eventhubs", null, defaults));
			assertThat(registry.get("audit").trigger())
				.isEqualTo(new StreamTriggerBinding("servicebus", "orders", "audit", "servicebus", null, defaults));
			assertThat(registry.get("audit").outputs())
				.containsExactly(new StreamOutputBinding("servicebus", "audited", "servicebus", null, "topic"));
			assertThat(registry.get("pay").trigger())
				.isEqualTo(new StreamTriggerBinding("servicebus", "payments", "", "servicebus", null, defaults));
			assertThat(context).hasSingleBean(StreamTriggerBindings.class).hasSingleBean(StreamTriggerMetrics.class);
			assertThat(context.getBeansOfType(StreamBroker.class)).hasSize(4);
			assertThat(context.getBean(StreamTriggerBindings.class).isRunning()).isFalse();
		});
	}

	@Test
	void propertiesOverrideAnnotationsAndDefaults() {
		this.runner
			.withPropertyValues("funcboot.stream.max-delivery-count=4", "funcboot.stream.retry-delay=3s",
					"funcboot.functions.bill.kafka.destination=invoices", "funcboot.functions.bill.kafka.binder=kafka-eu",
					"funcboot.functions.bill.kafka.batch-size=20", "funcboot.functions.bill.kafka.dead-letter=bad-invoices",
					"funcboot.functions.audit.service-bus.binder=rabbit")
			.run((context) -> {
				FunctionBindingRegistry registry = context.getBean(FunctionBindingRegistry.class);
				assertThat(registry.get("bill").trigger()).isEqualTo(new StreamTriggerBinding("kafka", "invoices",
						"billing", "kafka-eu", null, new StreamOptions(20, 4, Duration.ofSeconds(3), "bad-invoices")));
				// locally, RabbitMQ stands in for Service Bus by configuration alone
				assertThat(((StreamTriggerBinding) registry.get("audit").trigger()).binder()).isEqualTo("rabbit");
			});
	}

	@Test
	void aDisabledBrokerFunctionIsNotBoundAndCannotBeResumed() {
		this.runner.withPropertyValues("funcboot.functions.bill.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			StreamTriggerBindings bindings = context.getBean(StreamTriggerBindings.class);
			// what survives a restart, unlike a pause through the endpoint
			assertThat(bindings.functions()).extracting(FunctionBinding::name).doesNotContain("bill").contains("ship");
			StreamTriggerStatus kafka = context.getBeansOfType(StreamTriggerStatus.class)
				.values()
				.stream()
				.filter((status) -> status.triggerType().equals("kafka"))
				.findFirst()
				.orElseThrow();
			assertThat(kafka.resume("bill")).isFalse();
			assertThat(kafka.pause("bill")).isFalse();
		});
	}

	@Test
	void aServiceBusTriggerNamingQueueAndTopicFailsTheStartUp() {
		this.runner.withUserConfiguration(BadServiceBusFunction.class)
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("Function 'both': @ServiceBusTrigger names both a queue ('a') and a topic "
						+ "('b'); set one"));
	}

	@Test
	void aPropertyOnlyFunctionNeedsADestination() {
		this.runner.withPropertyValues("funcboot.functions.orphan.kafka.group=x", "funcboot.functions.orphan.definition=bill")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Function 'orphan' has no kafka destination; set "
						+ "funcboot.functions.orphan.kafka.destination or annotate it with @KafkaTrigger"));
	}

	@Test
	void eachBrokerBacksOffWithoutItsBinder() {
		this.runner.withClassLoader(new FilteredClassLoader(KafkaMessageChannelBinder.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(StreamBroker.class).values()).noneMatch(KafkaStreamBroker.class::isInstance)
				.hasSize(3);
		});
		this.runner.withPropertyValues("funcboot.stream.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(StreamTriggerBindings.class);
			// still resolved and validated
			assertThat(context.getBean(FunctionBindingRegistry.class).get("bill")).isNotNull();
		});
	}

	@Test
	void kafkaConsumersAcknowledgeManuallyAndFetchTheBatchSize() {
		KafkaConsumerProperties kafka = (KafkaConsumerProperties) new KafkaStreamBroker()
			.consumerExtension(trigger("kafka", "orders", "billing", 50), "bill", false, new StreamProperties());
		// a poll is committed when Funcboot acknowledges it
		assertThat(kafka.getAckMode()).isEqualTo(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
		// polls come unconverted, read record by record by Funcboot
		assertThat(kafka.getConverterBeanName()).isEqualTo("funcbootKafkaPollConverter");
		assertThat(kafka.isEnableDlq()).isFalse();
		assertThat(kafka.getConfiguration()).containsEntry("max.poll.records", "50");
		assertThat(new KafkaStreamBroker().deadLetterDestination(trigger("kafka", "orders", "billing", 50), "bill"))
			.isEqualTo("error.orders.billing");
	}

	@Test
	void aKafkaBindingTheUserTurnsToRecordModeCommitsBeforeEachPollNotForEachRecord() {
		assertThat(kafkaAckMode(true)).isEqualTo(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
		assertThat(kafkaAckMode(false)).isEqualTo(ContainerProperties.AckMode.MANUAL);
	}

	/** The ack mode of a Kafka consumer binding whose batch mode the user left on or turned off. */
	private static ContainerProperties.AckMode kafkaAckMode(boolean batchMode) {
		KafkaStreamBroker broker = new KafkaStreamBroker();
		ExtendedConsumerProperties<Object> consumer = new ExtendedConsumerProperties<>(
				broker.consumerExtension(trigger("kafka", "orders", "billing", 50), "bill", false, new StreamProperties()));
		consumer.setBatchMode(batchMode);
		broker.consumerProperties(consumer);
		return ((KafkaConsumerProperties) consumer.getExtension()).getAckMode();
	}

	@Test
	void rabbitConsumersAcknowledgeManuallyWithADeadLetterQueue() {
		RabbitConsumerProperties rabbit = (RabbitConsumerProperties) new RabbitStreamBroker()
			.consumerExtension(new StreamTriggerBinding("rabbit", "orders", "ship", "rabbit", "orders.eu.#",
					new StreamOptions(8, 5, Duration.ofSeconds(1), null)), "ship", false, new StreamProperties());
		assertThat(rabbit.getAcknowledgeMode()).isEqualTo(AcknowledgeMode.MANUAL);
		assertThat(rabbit.getPrefetch()).isEqualTo(8);
		assertThat(rabbit.getBindingRoutingKey()).isEqualTo("orders.eu.#");
		assertThat(rabbit.isAutoBindDlq()).isTrue();
		assertThat(rabbit.isRepublishToDlq()).isFalse();
	}

	@Test
	void eventHubsConsumersCheckpointManuallyInBatchesOfTheBatchSize() {
		EventHubsStreamBroker broker = new EventHubsStreamBroker();
		StreamTriggerBinding trigger = trigger("eventhub", "telemetry", "$Default", 64);
		EventHubsConsumerProperties eventHubs = (EventHubsConsumerProperties) broker.consumerExtension(trigger,
				"measure", true, new StreamProperties());
		assertThat(eventHubs.getCheckpoint().getMode()).isEqualTo(CheckpointMode.MANUAL);
		assertThat(eventHubs.getBatch().getMaxSize()).isEqualTo(64);
		assertThat(broker.supportsBatches()).isTrue();
		assertThat(broker.deadLetterDestination(trigger, "measure")).isEqualTo("telemetry-deadletter");
	}

	@Test
	void serviceBusConsumersNeverAutoCompleteAndReadQueuesOrSubscriptions() {
		ServiceBusStreamBroker broker = new ServiceBusStreamBroker();
		ServiceBusConsumerProperties topic = (ServiceBusConsumerProperties) broker
			.consumerExtension(trigger("servicebus", "orders", "audit", 10), "audit", false, new StreamProperties());
		assertThat(topic.getAutoComplete()).isFalse();
		assertThat(topic.getEntityType()).isEqualTo(ServiceBusEntityType.TOPIC);
		assertThat(topic.getPrefetchCount()).isEqualTo(10);
		ServiceBusConsumerProperties queue = (ServiceBusConsumerProperties) broker
			.consumerExtension(trigger("servicebus", "payments", "", 10), "pay", false, new StreamProperties());
		assertThat(queue.getEntityType()).isEqualTo(ServiceBusEntityType.QUEUE);
		ServiceBusProducerProperties producer = (ServiceBusProducerProperties) broker
			.producerExtension(new StreamOutputBinding("servicebus", "audited", "servicebus", null, "topic"));
		assertThat(producer.getEntityType()).isEqualTo(ServiceBusEntityType.TOPIC);
		assertThat(producer.isSync()).isTrue();
		assertThat(broker.deadLetterDestination(trigger("servicebus", "orders", "audit", 10), "audit")).isNull();
	}

	@Test
	void springCloudStreamPropertiesWrittenByTheUserOverrideTheGeneratedOnes() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.cloud.stream.bindings.measure-in-0.destination", "telemetry-eu")
			.withProperty("spring.cloud.stream.bindings.measure-in-0.consumer.concurrency", "3")
			.withProperty("spring.cloud.stream.eventhubs.bindings.measure-in-0.consumer.batch.max-size", "7");
		StreamBindingProperties properties = new StreamBindingProperties(environment);
		EventHubsStreamBroker broker = new EventHubsStreamBroker();
		StreamTriggerBinding trigger = trigger("eventhub", "telemetry", "$Default", 64);
		Object extension = broker.consumerExtension(trigger, "measure", true, new StreamProperties());
		ExtendedConsumerProperties<Object> consumer = properties.consumer("measure-in-0", null, extension, true,
				broker);
		assertThat(properties.bindingValue("measure-in-0", "destination", "telemetry")).isEqualTo("telemetry-eu");
		assertThat(properties.bindingValue("measure-in-0", "group", "$Default")).isEqualTo("$Default");
		assertThat(consumer.getConcurrency()).isEqualTo(3);
		assertThat(consumer.isBatchMode()).isTrue();
		assertThat(consumer.getMaxAttempts()).as("Funcboot retries, never the binder").isEqualTo(1);
		assertThat(((EventHubsConsumerProperties) consumer.getExtension()).getBatch().getMaxSize()).isEqualTo(7);
		assertThat(((EventHubsConsumerProperties) consumer.getExtension()).getCheckpoint().getMode())
			.isEqualTo(CheckpointMode.MANUAL);
	}

	private static StreamTriggerBinding trigger(String type, String destination, String group, int batchSize) {
		return new StreamTriggerBinding(type, destination, group, type, null,
				new StreamOptions(batchSize, 10, Duration.ofSeconds(1), null));
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class BadServiceBusFunction {

		@org.springframework.context.annotation.Bean
		@dev.funcboot.functions.annotation.ServiceBusTrigger(queue = "a", topic = "b")
		java.util.function.Consumer<String> both() {
			return (text) -> {
			};
		}

	}

}
