package dev.funcboot.trigger.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.TraceHeaders;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.support.GenericMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery that is not a poll (a batch function's, or a record the user's binding delivers on
 * its own) whose settlement fails: the real handler and pipeline ask the broker for it again rather
 * than leave it unsettled, where a later Kafka commit would skip it.
 */
class SettlementFailureTests {

	private final ApplicationContextRunner runner = BrokerFunctions.runner();

	private final StreamCounts counts = new StreamCounts();

	@BeforeEach
	void reset() {
		BrokerFunctions.calls.clear();
	}

	@Test
	void aBatchWhoseDeadLetterCannotBeSentIsAskedForAgain() {
		// the last attempt of a batch that fails: its records are dead-lettered, which fails
		RecordingDelivery delivery = new RecordingDelivery(3, order("m-1", -1), order("m-2", 1));
		delivery.failDeadLetters = true;
		handle("measure", delivery);
		assertThat(delivery.calls).containsExactly("redeliver " + StreamTriggerHandler.SETTLEMENT_RETRY);
		assertThat(this.counts.settlementFailureCount()).isEqualTo(1);
		assertThat(this.counts.deadLetteredCount()).isZero();
	}

	@Test
	void aMessageThatCannotBeSentBackEitherIsLeftToTheBrokerAndTheHandlerDoesNotThrow() {
		RecordingDelivery delivery = new RecordingDelivery(3, order("m-1", -1));
		delivery.failDeadLetters = true;
		delivery.failRedelivery = true;
		handle("measure", delivery);
		assertThat(delivery.calls).isEmpty();
		assertThat(this.counts.settlementFailureCount()).isEqualTo(1);
	}

	@Test
	void aBrokerThatCannotRedeliverLeavesTheMessageUnsettled() {
		RecordingDelivery delivery = new RecordingDelivery(3, order("m-1", -1));
		delivery.failDeadLetters = true;
		delivery.canRedeliver = false;
		handle("measure", delivery);
		assertThat(delivery.calls).containsExactly("cannot redeliver " + StreamTriggerHandler.SETTLEMENT_RETRY);
		assertThat(this.counts.settlementFailureCount()).isEqualTo(1);
	}

	private void handle(String function, StreamDelivery delivery) {
		this.runner.run((context) -> {
			FunctionHandle handle = context.getBean(FunctionHandles.class).get(function);
			ObjectMapper mapper = new ObjectMapper();
			new StreamTriggerHandler(handle, context.getBean(InvocationPipeline.class),
					new StreamInputDecoder(function, handle.inputType(), mapper),
					new StreamOutputSender(List.of(), mapper, TraceHeaders.NONE), this.counts, (message) -> delivery,
					(delay) -> {
						throw new AssertionError("the last attempt never waits");
					})
				.handleMessage(new GenericMessage<>(List.of()));
		});
	}

	private static String order(String id, int quantity) {
		return "{\"id\":\"" + id + "\",\"quantity\":" + quantity + "}";
	}

	/** Records what the handler asks of the broker; not a poll. */
	static final class RecordingDelivery implements StreamDelivery {

		final List<Record> records = new ArrayList<>();

		final List<String> calls = new ArrayList<>();

		final int attempt;

		boolean failDeadLetters;

		boolean failRedelivery;

		boolean canRedeliver = true;

		RecordingDelivery(int attempt, String... bodies) {
			this.attempt = attempt;
			for (String body : bodies) {
				this.records.add(new Record(body.getBytes(StandardCharsets.UTF_8), Map.of("headers", Map.of())));
			}
		}

		@Override
		public List<Record> records() {
			return this.records;
		}

		@Override
		public int attempt() {
			return this.attempt;
		}

		@Override
		public void complete() {
			this.calls.add("complete");
		}

		@Override
		public boolean redeliver(Duration delay) {
			if (this.failRedelivery) {
				throw new IllegalStateException("broker unreachable");
			}
			this.calls.add((this.canRedeliver ? "redeliver " : "cannot redeliver ") + delay);
			return this.canRedeliver;
		}

		@Override
		public boolean deadLetter(int index, DeadLetter deadLetter) {
			if (this.failDeadLetters) {
				throw new IllegalStateException("dead-letter destination unreachable");
			}
			this.calls.add("deadLetter " + index);
			return true;
		}

	}

}
