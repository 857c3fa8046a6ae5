package dev.funcboot.trigger.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.spring.messaging.checkpoint.Checkpointer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.TraceHeaders;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.trigger.eventhubs.EventHubsDelivery;
import dev.funcboot.trigger.servicebus.ServiceBusDelivery;
import dev.funcboot.trigger.servicebus.ServiceBusSettlement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Funcboot settles Service Bus messages and Event Hubs events, without a namespace: the real
 * handler and pipeline run the functions of {@link BrokerFunctions}; the SDK's settlement calls
 * (complete, abandon, dead-letter; checkpoint) are recorded instead of sent to Azure.
 */
class AzureSettlementMappingTests {

	private final ApplicationContextRunner runner = BrokerFunctions.runner();

	private final RecordingSettlement settlement = new RecordingSettlement();

	private final List<Duration> sleeps = new ArrayList<>();

	private final StreamCounts counts = new StreamCounts();

	@BeforeEach
	void reset() {
		BrokerFunctions.calls.clear();
	}

	@Test
	void aServiceBusMessageIsCompletedAfterSuccess() {
		serviceBus(order("s-1", 1), 1);
		assertThat(this.settlement.calls).containsExactly("complete");
		assertThat(this.counts.completedCount()).isEqualTo(1);
	}

	@Test
	void aRetryableFailureAbandonsTheMessageSoServiceBusDeliversItAgain() {
		serviceBus(order("s-2", -1), 1);
		assertThat(this.settlement.calls).containsExactly("abandon {x-funcboot-attempt=2}");
		assertThat(this.counts.retriedCount()).isEqualTo(1);
		assertThat(this.sleeps).as("Service Bus redelivers; nothing waits in place").isEmpty();
	}

	@Test
	void theLastDeliveryDeadLettersWithRetriesExhausted() {
		// no retry policy: max-delivery-count (10) attempts, counted by Service Bus
		serviceBus(order("s-3", -1), 10);
		assertThat(this.settlement.calls).singleElement()
			.asString()
			.startsWith("deadLetter retries exhausted after 10 attempts: java.lang.IllegalStateException: ledger locked")
			.contains("x-funcboot-function=audit")
			.contains("x-funcboot-attempts=10");
		assertThat(this.counts.deadLetteredCount()).isEqualTo(1);
		assertThat(this.counts.completedCount()).isZero();
	}

	@Test
	void poisonIsDeadLetteredAtOnceWithTheReason() {
		serviceBus(order("s-4", 0), 1);
		serviceBus("not json", 1);
		assertThat(this.settlement.calls).hasSize(2);
		assertThat(this.settlement.calls.get(0)).contains("PoisonMessageException: order s-4 is empty")
			.contains("x-funcboot-attempts=1");
		assertThat(this.settlement.calls.get(1)).contains("InputConversionException").contains("Malformed JSON");
		assertThat(this.counts.deadLetteredCount()).isEqualTo(2);
	}

	@Test
	void serviceBusMetadataShowsTheApplicationPropertiesAsStrings() {
		StreamDelivery.Record record = ServiceBusDelivery.record(new byte[0],
				Map.of("azure_service_bus_message_id", "m-1", "azure_service_bus_delivery_count", 2L, "traceparent",
						"00-abc-def-01", "tenant", 7));
		assertThat(record.metadata()).containsEntry("messageId", "m-1").containsEntry("deliveryCount", 2L);
		assertThat(record.metadata().get("headers")).isEqualTo(Map.of("traceparent", "00-abc-def-01", "tenant", "7"));
		assertThat(ServiceBusDelivery.attempt(0L)).isEqualTo(1);
		assertThat(ServiceBusDelivery.attempt(3L)).isEqualTo(3);
	}

	@Test
	void anEventHubsBatchIsCheckpointedOnceAfterSuccessAndUndecodableEventsAreDeadLettered() {
		QueueChannel deadLetters = new QueueChannel();
		AtomicInteger checkpoints = new AtomicInteger();
		eventHubs(deadLetters, checkpoints, order("e-1", 1), "{\"id\":\"e-2\",\"quantity\":\"x\"}", order("e-3", 2));
		assertThat(BrokerFunctions.calls).hasSize(1);
		assertThat((List<?>) BrokerFunctions.calls.get(0)).hasSize(2);
		assertThat(checkpoints).hasValue(1);
		Message<?> deadLetter = deadLetters.receive(0);
		assertThat(new String((byte[]) deadLetter.getPayload(), StandardCharsets.UTF_8)).contains("e-2");
		assertThat(deadLetter.getHeaders()).containsEntry(StreamHeaders.FUNCTION, "measure")
			.containsEntry(StreamHeaders.ORIGINAL_DESTINATION, "telemetry")
			.containsEntry("x-original-partition", "3");
		assertThat((String) deadLetter.getHeaders().get(StreamHeaders.REASON)).contains("quantity");
		assertThat(this.counts.completedCount()).isEqualTo(2);
		assertThat(this.counts.deadLetteredCount()).isEqualTo(1);
	}

	@Test
	void eventHubsRetriesInPlaceHoldingThePartitionThenDeadLettersTheBatch() {
		QueueChannel deadLetters = new QueueChannel();
		AtomicInteger checkpoints = new AtomicInteger();
		eventHubs(deadLetters, checkpoints, order("e-4", 1), order("e-5", -1));
		// @FixedDelayRetry(maxAttempts = 3, delay = "10ms")
		assertThat(BrokerFunctions.calls).hasSize(3);
		assertThat(this.sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(10));
		assertThat(deadLetters.getQueueSize()).isEqualTo(2);
		assertThat((String) deadLetters.receive(0).getHeaders().get(StreamHeaders.REASON))
			.startsWith("retries exhausted after 3 attempts").contains("sensor offline");
		assertThat(checkpoints).as("the partition moves on past the dead letters").hasValue(1);
		assertThat(this.counts.retriedCount()).isEqualTo(4);
		assertThat(this.counts.deadLetteredCount()).isEqualTo(2);
	}

	private void serviceBus(String body, int deliveryCount) {
		this.runner.run((context) -> {
			StreamDelivery delivery = new ServiceBusDelivery(ServiceBusDelivery.record(
					body.getBytes(StandardCharsets.UTF_8), Map.of("azure_service_bus_delivery_count", deliveryCount)),
					this.settlement, ServiceBusDelivery.attempt(deliveryCount));
			handler(context.getBean(FunctionHandles.class).get("audit"), context.getBean(InvocationPipeline.class),
					delivery)
				.handleMessage(new GenericMessage<>(body));
		});
	}

	private void eventHubs(QueueChannel deadLetters, AtomicInteger checkpoints, String... bodies) {
		this.runner.run((context) -> {
			List<StreamDelivery.Record> records = new ArrayList<>();
			for (String body : bodies) {
				records.add(EventHubsDelivery.record(body.getBytes(StandardCharsets.UTF_8), "telemetry", "3", "42", 7L,
						Map.of()));
			}
			Checkpointer checkpointer = new Checkpointer() {

				@Override
				public Mono<Void> success() {
					return Mono.fromRunnable(checkpoints::incrementAndGet);
				}

				@Override
				public Mono<Void> failure() {
					return Mono.empty();
				}

			};
			StreamDelivery delivery = new EventHubsDelivery(records, checkpointer, deadLetters, "telemetry");
			handler(context.getBean(FunctionHandles.class).get("measure"), context.getBean(InvocationPipeline.class),
					delivery)
				.handleMessage(new GenericMessage<>(List.of()));
		});
	}

	private StreamTriggerHandler handler(FunctionHandle handle, InvocationPipeline pipeline, StreamDelivery delivery) {
		ObjectMapper mapper = new ObjectMapper();
		return new StreamTriggerHandler(handle, pipeline,
				new StreamInputDecoder(handle.binding().name(), handle.inputType(), mapper),
				new StreamOutputSender(List.of(), mapper, TraceHeaders.NONE), this.counts, (message) -> delivery,
				this.sleeps::add);
	}

	private static String order(String id, int quantity) {
		return "{\"id\":\"" + id + "\",\"quantity\":" + quantity + "}";
	}

	/** Records what Funcboot asks of Service Bus. */
	static final class RecordingSettlement implements ServiceBusSettlement {

		final List<String> calls = new ArrayList<>();

		@Override
		public void complete() {
			this.calls.add("complete");
		}

		@Override
		public void abandon(Map<String, Object> properties) {
			this.calls.add("abandon " + properties);
		}

		@Override
		public void deadLetter(String reason, String description, Map<String, Object> properties) {
			assertThat(description).startsWith(reason);
			this.calls.add("deadLetter " + reason + " " + new java.util.TreeMap<>(properties));
		}

	}

}
