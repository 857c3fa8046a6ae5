package dev.funcboot.trigger.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.InvocationResult;
import dev.funcboot.functions.pipeline.Sleeper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Runs a broker function for each message (or batch) its binder delivers: one attempt through the
 * invocation pipeline (decoding and sending the outputs inside the attempt, so undecodable input
 * is poison and an output that cannot be sent fails it), then settles through the broker
 * adapter's {@link StreamDelivery}. In a batch, records that do not decode are dead-lettered on
 * their own before the call; the others share its fate.
 * Never throws: a settlement that fails is logged and counted, and the message is asked for again
 * (a poll from the record that failed on, anything else as a whole), never left to be skipped.
 */
final class StreamTriggerHandler implements MessageHandler {

	private static final Log logger = LogFactory.getLog(StreamTriggerHandler.class);

	/** When a record whose dead-lettering failed comes again. */
	static final Duration SETTLEMENT_RETRY = Duration.ofSeconds(1);

	private final FunctionBinding binding;

	private final StreamTriggerBinding trigger;

	private final FunctionHandle handle;

	private final InvocationPipeline pipeline;

	private final StreamInputDecoder decoder;

	private final StreamOutputSender outputs;

	private final StreamRetries retries;

	private final StreamCounts counts;

	private final DeliveryFactory deliveries;

	private final Sleeper sleeper;

	StreamTriggerHandler(FunctionHandle handle, InvocationPipeline pipeline, StreamInputDecoder decoder,
			StreamOutputSender outputs, StreamCounts counts, DeliveryFactory deliveries, Sleeper sleeper) {
		this.binding = handle.binding();
		this.trigger = (StreamTriggerBinding) this.binding.trigger();
		this.handle = handle;
		this.pipeline = pipeline;
		this.decoder = decoder;
		this.outputs = outputs;
		this.retries = StreamRetries.of(this.binding.policy(), this.trigger.options());
		this.counts = counts;
		this.deliveries = deliveries;
		this.sleeper = sleeper;
	}

	@Override
	public void handleMessage(Message<?> message) {
		StreamDelivery delivery = this.deliveries.delivery(message);
		try {
			handle(delivery);
		}
		catch (RuntimeException ex) {
			this.counts.settlementFailed();
			if (isPoll(delivery)) {
				// a poll sends its records back itself (redeliverFrom); what fails here is its acknowledgment
				logger.error("Broker function '" + this.binding.name() + "' could not settle its message on '"
						+ this.trigger.destination() + "'; the broker will deliver it again", ex);
				return;
			}
			logger.error("Broker function '" + this.binding.name() + "' could not settle its message on '"
					+ this.trigger.destination() + "'; it comes again in " + SETTLEMENT_RETRY, ex);
			sendBack(delivery);
		}
	}

	private boolean isPoll(StreamDelivery delivery) {
		return !this.decoder.isBatch() && delivery instanceof StreamDelivery.Polled;
	}

	/**
	 * Asks the broker for a message that could not be settled (its dead letter could not be sent)
	 * again. Left unsettled, a Kafka record would be skipped by the next record's commit.
	 */
	private void sendBack(StreamDelivery delivery) {
		try {
			if (!delivery.redeliver(SETTLEMENT_RETRY)) {
				logger.error("Broker function '" + this.binding.name() + "' leaves its message on '"
						+ this.trigger.destination() + "' unsettled (not checkpointed): it comes again when the "
						+ "consumer restarts or its partition moves");
			}
		}
		catch (RuntimeException ex) {
			logger.error("Broker function '" + this.binding.name() + "' could not send its message on '"
					+ this.trigger.destination() + "' back either; it comes again when the consumer restarts", ex);
		}
	}

	private void handle(StreamDelivery delivery) {
		if (isPoll(delivery)) {
			handlePoll((StreamDelivery.Polled) delivery);
			return;
		}
		List<StreamDelivery.Record> records = delivery.records();
		int attempt = delivery.attempt();
		List<Integer> invoked = new ArrayList<>();
		List<Object> inputs = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			if (!this.decoder.isBatch()) {
				invoked.add(i);
				continue;
			}
			try {
				inputs.add(this.decoder.decode(records.get(i).payload()));
				invoked.add(i);
			}
			catch (InputConversionException ex) {
				deadLetter(delivery, i, ex.getClass().getName() + ": " + ex.getMessage(), attempt, "-");
			}
		}
		if (invoked.isEmpty()) {
			delivery.complete();
			return;
		}
		while (true) {
			InvocationContext context = new InvocationContext(InvocationIds.next(), this.binding.name(),
					this.trigger.type(), metadata(records, invoked), null, attempt);
			InvocationResult result = this.pipeline.invoke(context, this.binding.policy(),
					(ctx) -> this.decoder.isBatch() ? callAndSend(inputs, null)
							: callAndSend(this.decoder.decode(records.get(0).payload()), records.get(0)));
			StreamSettlement settlement = StreamSettlement.of(result, attempt, this.retries);
			switch (settlement.action()) {
				case COMPLETE -> {
					delivery.complete();
					this.counts.completed(invoked.size());
					return;
				}
				case DEAD_LETTER -> {
					logger.error("Broker function '" + this.binding.name() + "' dead-letters " + invoked.size()
							+ " message(s) of '" + this.trigger.destination() + "' (invocation "
							+ context.invocationId() + "): " + settlement.reason(), result.error());
					for (int index : invoked) {
						deadLetter(delivery, index, settlement.reason(), attempt, context.invocationId());
					}
					delivery.complete();
					return;
				}
				default -> {
					logRetry(attempt, result, settlement);
					this.counts.retried(invoked.size());
					if (delivery.redeliver(settlement.delay())) {
						return;
					}
					pause(settlement);
					attempt++;
				}
			}
		}
	}

	/**
	 * A poll for a function that takes one message: one invocation per record, in order. A record
	 * to retry has the broker deliver it and the rest of the poll again (the records before it are
	 * settled), so a partition's order holds, or, where the broker keeps no order (a queue), it is
	 * retried alone and the poll goes on; the poll is acknowledged once at the end. The function
	 * and trigger are in the MDC for the whole poll, its settlement logs included. An invocation that
	 * follows a completed one has its time start when that one ended (one clock read fewer).
	 */
	private void handlePoll(StreamDelivery.Polled poll) {
		try (InvocationPipeline.MdcScope scope = InvocationPipeline.mdcScope(this.binding.name(),
				this.trigger.type())) {
			settlePoll(poll, scope);
		}
	}

	private void settlePoll(StreamDelivery.Polled poll, InvocationPipeline.MdcScope scope) {
		List<StreamDelivery.Record> records = poll.records();
		// completions are counted once for the poll (one atomic add, not one per record), before
		// the poll is acknowledged or sent back from a record on
		int completed = 0;
		for (int index = 0; index < records.size(); index++) {
			StreamDelivery.Record record = records.get(index);
			int attempt = poll.attempt(index);
			InvocationContext context = new InvocationContext(InvocationIds.next(), this.binding.name(),
					this.trigger.type(), record.metadata(), null, attempt);
			InvocationResult result = this.pipeline.invoke(context, this.binding.policy(),
					(ctx) -> callAndSend(this.decoder.decode(record.payload()), record));
			StreamSettlement settlement = StreamSettlement.of(result, attempt, this.retries);
			switch (settlement.action()) {
				case COMPLETE -> {
					completed++;
					// nothing to settle before the next record: its time starts where this one's ended
					scope.startNextAtLastEnd();
				}
				case DEAD_LETTER -> {
					logger.error("Broker function '" + this.binding.name() + "' dead-letters a message of '"
							+ this.trigger.destination() + "' (invocation " + context.invocationId() + "): "
							+ settlement.reason(), result.error());
					try {
						deadLetter(poll, index, settlement.reason(), attempt, context.invocationId());
					}
					catch (RuntimeException ex) {
						this.counts.completed(completed);
						settlementFailed(poll, index, ex);
						return;
					}
				}
				default -> {
					logRetry(attempt, result, settlement);
					this.counts.retried(1);
					if (poll.keepsOrder()) {
						this.counts.completed(completed);
						poll.redeliverFrom(index, settlement.delay());
						return;
					}
					try {
						poll.redeliverOne(index, settlement.delay());
					}
					catch (RuntimeException ex) {
						this.counts.completed(completed);
						settlementFailed(poll, index, ex);
						return;
					}
				}
			}
		}
		this.counts.completed(completed);
		poll.complete();
	}

	/** Not settled: the record and the rest of the poll come again, nothing skipped. */
	private void settlementFailed(StreamDelivery.Polled poll, int index, RuntimeException ex) {
		this.counts.settlementFailed();
		logger.error("Broker function '" + this.binding.name() + "' could not settle a message of '"
				+ this.trigger.destination() + "'; it comes again in " + SETTLEMENT_RETRY, ex);
		poll.redeliverFrom(index, SETTLEMENT_RETRY);
	}

	private void logRetry(int attempt, InvocationResult result, StreamSettlement settlement) {
		logger.warn("Broker function '" + this.binding.name() + "' attempt " + attempt + " of "
				+ this.retries.maxAttempts() + " ended " + result.outcome().tag() + " (invocation "
				+ result.context().invocationId() + "); retrying in " + settlement.delay() + ": " + settlement.reason(),
				result.error());
	}

	private void deadLetter(StreamDelivery delivery, int index, String reason, int attempt, String invocationId) {
		if (delivery.deadLetter(index,
				new StreamDelivery.DeadLetter(reason, this.binding.name(), attempt, invocationId))) {
			this.counts.deadLettered(reason);
		}
	}

	private void pause(StreamSettlement settlement) {
		try {
			this.sleeper.sleep(settlement.delay());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry; the message is not settled", ex);
		}
	}

	/**
	 * Calls the function and sends its outputs, inside the invocation: their sending is part of
	 * its time, its span is their parent, and a send that fails fails the invocation (retried), as
	 * an output binding's failure fails an Azure Functions invocation.
	 * @param record the triggering record, whose headers go along; {@code null} for a batch
	 */
	private Object callAndSend(Object input, StreamDelivery.Record record) {
		Object value = this.handle.call(input);
		if (this.outputs.sends(value)) {
			this.outputs.send(value, StreamOutputSender.propagated((record != null) ? headers(record) : Map.of(),
					this.outputs.traceOfCurrentSpan()));
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> headers(StreamDelivery.Record record) {
		Object headers = record.metadata().get("headers");
		return (headers instanceof Map<?, ?> map) ? (Map<String, String>) map : Map.of();
	}

	private Map<String, Object> metadata(List<StreamDelivery.Record> records, List<Integer> invoked) {
		if (!this.decoder.isBatch()) {
			return records.get(0).metadata();
		}
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("destination", this.trigger.destination());
		map.put("batchSize", invoked.size());
		map.put("records", invoked.stream().map((index) -> records.get(index).metadata()).toList());
		return map;
	}

	/** The broker adapter's settlement of one received message. */
	@FunctionalInterface
	interface DeliveryFactory {

		StreamDelivery delivery(Message<?> message);

	}

}
