package dev.funcboot.trigger.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.TraceHeaders;
import dev.funcboot.functions.pipeline.InvocationOutcome;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.support.GenericMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll handed to a function that takes one message: the real handler and pipeline invoke
 * {@link BrokerFunctions#audit()} once per record, in order, and settle through a recording
 * {@link StreamDelivery.Polled} (the Kafka binder's batch acknowledgment is tested against a
 * real broker in {@code KafkaTriggerIntegrationTests}).
 */
class PolledDeliveryTests {

	private final ApplicationContextRunner runner = BrokerFunctions.runner();

	private final StreamCounts counts = new StreamCounts();

	@BeforeEach
	void reset() {
		BrokerFunctions.calls.clear();
	}

	@Test
	void everyRecordIsInvokedInOrderAndThePollIsAcknowledgedOnce() {
		RecordingPoll poll = poll(order("p-1", 1), order("p-2", 2), order("p-3", 3));
		handle(poll);
		assertThat(ids()).containsExactly("p-1", "p-2", "p-3");
		assertThat(poll.calls).containsExactly("complete");
		assertThat(this.counts.completedCount()).isEqualTo(3);
	}

	@Test
	void aRetryAsksForTheFailedRecordAndTheRestAgainWithoutRunningTheRest() {
		RecordingPoll poll = poll(order("p-1", 1), order("p-2", -1), order("p-3", 3));
		handle(poll);
		assertThat(ids()).containsExactly("p-1", "p-2");
		assertThat(poll.calls).singleElement().asString().startsWith("redeliverFrom 1 ");
		assertThat(this.counts.completedCount()).isEqualTo(1);
		assertThat(this.counts.retriedCount()).isEqualTo(1);
	}

	@Test
	void whereTheBrokerKeepsNoOrderARetryIsSentAloneAndTheBatchGoesOn() {
		RecordingPoll poll = poll(order("p-1", 1), order("p-2", -1), order("p-3", 3));
		poll.keepsOrder = false;
		handle(poll);
		assertThat(ids()).containsExactly("p-1", "p-2", "p-3");
		assertThat(poll.calls).hasSize(2);
		assertThat(poll.calls.get(0)).startsWith("redeliverOne 1 ");
		assertThat(poll.calls.get(1)).isEqualTo("complete");
		assertThat(this.counts.completedCount()).isEqualTo(2);
		assertThat(this.counts.retriedCount()).isEqualTo(1);
	}

	@Test
	void aRetryThatCannotBeSentBringsTheRestBack() {
		RecordingPoll poll = poll(order("p-1", 1), order("p-2", -1), order("p-3", 3));
		poll.keepsOrder = false;
		poll.failRetries = true;
		handle(poll);
		assertThat(ids()).containsExactly("p-1", "p-2");
		assertThat(poll.calls).containsExactly("redeliverFrom 1 " + StreamTriggerHandler.SETTLEMENT_RETRY);
		assertThat(this.counts.settlementFailureCount()).isEqualTo(1);
	}

	@Test
	void poisonIsDeadLetteredOnItsOwnAndThePollGoesOn() {
		RecordingPoll poll = poll(order("p-1", 1), order("p-2", 0), "not json", order("p-4", 4));
		handle(poll);
		assertThat(ids()).containsExactly("p-1", "p-2", "p-4");
		assertThat(poll.calls).hasSize(3);
		assertThat(poll.calls.get(0)).startsWith("deadLetter 1 ").contains("order p-2 is empty");
		assertThat(poll.calls.get(1)).startsWith("deadLetter 2 ").contains("Malformed JSON");
		assertThat(poll.calls.get(2)).isEqualTo("complete");
		assertThat(this.counts.deadLetteredCount()).isEqualTo(2);
		assertThat(this.counts.completedCount()).isEqualTo(2);
	}

	@Test
	void eachRecordHasItsOwnAttemptAndTheLastOneDeadLetters() {
		RecordingPoll poll = poll(order("p-1", -1), order("p-2", -1));
		// the first record comes for the tenth time (audit: Service Bus' max-delivery-count, 10)
		poll.attempts.put(0, 10);
		handle(poll);
		assertThat(poll.calls).hasSize(2);
		assertThat(poll.calls.get(0)).startsWith("deadLetter 0 retries exhausted after 10 attempts")
			.contains("ledger locked");
		assertThat(poll.calls.get(1)).startsWith("redeliverFrom 1 ");
	}

	@Test
	void aDeadLetterThatCannotBeSentBringsTheRecordBackInsteadOfSkippingIt() {
		RecordingPoll poll = poll(order("p-1", 1), order("p-2", 0), order("p-3", 3));
		poll.failDeadLetters = true;
		handle(poll);
		assertThat(ids()).containsExactly("p-1", "p-2");
		assertThat(poll.calls).containsExactly("redeliverFrom 1 " + StreamTriggerHandler.SETTLEMENT_RETRY);
		assertThat(this.counts.settlementFailureCount()).isEqualTo(1);
		assertThat(this.counts.deadLetteredCount()).isZero();
	}

	@Test
	void sendingAnInvocationsOutputsIsPartOfItsTimeAndOfNoOtherInvocations() {
		List<Long> durations = new CopyOnWriteArrayList<>();
		RecordingPoll poll = poll(order("p-1", 1), order("p-2", 2), order("p-3", 3));
		// an output that takes 200 ms to send (a slow broker)
		MessageChannel slow = (message, timeout) -> {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return true;
		};
		handleBilling(poll, slow, durations);
		assertThat(poll.calls).containsExactly("complete");
		// each invocation is timed with its own send, and no other's (that would make 400 ms or more)
		assertThat(durations).hasSize(3)
			.allSatisfy((duration) -> assertThat(duration).isBetween(TimeUnit.MILLISECONDS.toNanos(200),
					TimeUnit.MILLISECONDS.toNanos(390)));
	}

	@Test
	void anOutputThatCannotBeSentFailsTheInvocationAndTheRecordIsRetried() {
		List<InvocationOutcome> outcomes = new CopyOnWriteArrayList<>();
		RecordingPoll poll = poll(order("p-1", 1), order("p-2", 2));
		MessageChannel broken = (message, timeout) -> {
			throw new MessageDeliveryException(message, "broker unreachable");
		};
		handleBilling(poll, broken, outcomes, null);
		assertThat(outcomes).containsExactly(InvocationOutcome.FAILURE);
		assertThat(poll.calls).singleElement().asString().startsWith("redeliverFrom 0 ");
		assertThat(this.counts.retriedCount()).isEqualTo(1);
		assertThat(this.counts.completedCount()).isZero();
	}

	private void handleBilling(RecordingPoll poll, MessageChannel output, List<Long> durations) {
		handleBilling(poll, output, null, durations);
	}

	/** The {@code bill} function (a Kafka output) on a poll, its outputs sent to the channel. */
	private void handleBilling(RecordingPoll poll, MessageChannel output, List<InvocationOutcome> outcomes,
			List<Long> durations) {
		this.runner.run((context) -> {
			FunctionHandle handle = context.getBean(FunctionHandles.class).get("bill");
			ObjectMapper mapper = new ObjectMapper();
			try (InvocationPipeline pipeline = InvocationPipeline.builder().listener((result, duration) -> {
				if (outcomes != null) {
					outcomes.add(result.outcome());
				}
				if (durations != null) {
					durations.add(duration);
				}
			}).build()) {
				new StreamTriggerHandler(handle, pipeline, new StreamInputDecoder("bill", handle.inputType(), mapper),
						new StreamOutputSender(List.of(output), mapper, TraceHeaders.NONE), this.counts,
						(message) -> poll, (delay) -> {
							throw new AssertionError("a poll never waits in place");
						})
					.handleMessage(new GenericMessage<>(List.of()));
			}
		});
	}

	private void handle(RecordingPoll poll) {
		this.runner.run((context) -> {
			FunctionHandle handle = context.getBean(FunctionHandles.class).get("audit");
			ObjectMapper mapper = new ObjectMapper();
			new StreamTriggerHandler(handle, context.getBean(InvocationPipeline.class),
					new StreamInputDecoder("audit", handle.inputType(), mapper),
					new StreamOutputSender(List.of(), mapper, TraceHeaders.NONE),
					this.counts, (message) -> poll, (delay) -> {
						throw new AssertionError("a poll never waits in place");
					})
				.handleMessage(new GenericMessage<>(List.of()));
		});
	}

	private static List<String> ids() {
		return BrokerFunctions.calls.stream().map((call) -> ((BrokerFunctions.Order) call).id()).toList();
	}

	private static RecordingPoll poll(String... bodies) {
		List<StreamDelivery.Record> records = new ArrayList<>();
		for (int i = 0; i < bodies.length; i++) {
			records.add(new StreamDelivery.Record(bodies[i].getBytes(StandardCharsets.UTF_8),
					Map.of("offset", i, "headers", Map.of())));
		}
		return new RecordingPoll(records);
	}

	private static String order(String id, int quantity) {
		return "{\"id\":\"" + id + "\",\"quantity\":" + quantity + "}";
	}

	/** Records what the handler asks of the broker. */
	static final class RecordingPoll implements StreamDelivery.Polled {

		final List<Record> records;

		final List<String> calls = new ArrayList<>();

		final Map<Integer, Integer> attempts = new java.util.HashMap<>();

		boolean failDeadLetters;

		boolean failRetries;

		boolean keepsOrder = true;

		@Override
		public boolean keepsOrder() {
			return this.keepsOrder;
		}

		@Override
		public void redeliverOne(int index, Duration delay) {
			if (this.failRetries) {
				throw new IllegalStateException("retry queue unreachable");
			}
			this.calls.add("redeliverOne " + index + " " + delay);
		}

		RecordingPoll(List<Record> records) {
			this.records = records;
		}

		@Override
		public List<Record> records() {
			return this.records;
		}

		@Override
		public int attempt() {
			throw new AssertionError("a poll's records have attempts of their own");
		}

		@Override
		public int attempt(int index) {
			return this.attempts.getOrDefault(index, 1);
		}

		@Override
		public void complete() {
			this.calls.add("complete");
		}

		@Override
		public boolean redeliver(Duration delay) {
			throw new AssertionError("a poll is asked for again from a record");
		}

		@Override
		public void redeliverFrom(int index, Duration delay) {
			this.calls.add("redeliverFrom " + index + " " + delay);
		}

		@Override
		public boolean deadLetter(int index, DeadLetter deadLetter) {
			if (this.failDeadLetters) {
				throw new IllegalStateException("dead-letter topic unreachable");
			}
			this.calls.add("deadLetter " + index + " " + deadLetter.reason());
			return true;
		}

	}

}
