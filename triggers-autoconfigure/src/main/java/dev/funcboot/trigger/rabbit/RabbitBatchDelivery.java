package dev.funcboot.trigger.rabbit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rabbitmq.client.Channel;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamDelivery;

import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The messages the listener container took in one go (consumer-side batching), for a function
 * that takes one message: each is invoked and settled on its own, but the ones that completed are
 * acked together, with one {@code basicAck(multiple)} when the batch is done. A retry or a dead
 * letter republishes its message and acks it alone, as for a single message, and the batch goes on
 * (a queue keeps no order that a retry queue would not break anyway).
 */
final class RabbitBatchDelivery implements StreamDelivery.Polled {

	private final List<RabbitDelivery> messages;

	private final List<Record> records;

	private final Channel channel;

	private RabbitBatchDelivery(List<RabbitDelivery> messages, Channel channel) {
		this.messages = messages;
		this.records = messages.stream().map((message) -> message.records().get(0)).toList();
		this.channel = channel;
	}

	@SuppressWarnings("unchecked")
	static RabbitBatchDelivery of(Message<?> message, StreamTriggerBinding trigger, Set<String> retryQueues) {
		MessageHeaders headers = message.getHeaders();
		Channel channel = headers.get(AmqpHeaders.CHANNEL, Channel.class);
		List<?> payloads = (List<?>) message.getPayload();
		Object batched = headers.get(AmqpInboundChannelAdapter.CONSOLIDATED_HEADERS);
		if (!(batched instanceof List<?> headerList) || headerList.size() != payloads.size()) {
			throw new IllegalStateException("A RabbitMQ batch on '" + trigger.destination() + "' came without the "
					+ "headers of each message; the consumer binding must extract payloads with headers");
		}
		List<RabbitDelivery> messages = new ArrayList<>(payloads.size());
		for (int i = 0; i < payloads.size(); i++) {
			messages.add(RabbitDelivery.of((byte[]) payloads.get(i), (Map<String, Object>) headerList.get(i), channel,
					trigger, retryQueues));
		}
		return new RabbitBatchDelivery(messages, channel);
	}

	@Override
	public List<Record> records() {
		return this.records;
	}

	@Override
	public int attempt() {
		return this.messages.stream().mapToInt(RabbitDelivery::attempt).max().orElse(1);
	}

	@Override
	public int attempt(int index) {
		return this.messages.get(index).attempt();
	}

	/** Messages of a queue are retried on their own; the batch goes on. */
	@Override
	public boolean keepsOrder() {
		return false;
	}

	@Override
	public void redeliverOne(int index, Duration delay) {
		this.messages.get(index).redeliver(delay);
	}

	@Override
	public boolean deadLetter(int index, DeadLetter deadLetter) {
		return this.messages.get(index).deadLetter(0, deadLetter);
	}

	@Override
	public void complete() {
		ackUpTo(this.messages.size());
	}

	/**
	 * Acks the messages before the index that are not settled yet, and hands the rest back to the
	 * queue (a settlement that failed): RabbitMQ delivers them again, marked redelivered.
	 */
	@Override
	public void redeliverFrom(int index, Duration delay) {
		ackUpTo(index);
		long last = -1;
		for (int i = index; i < this.messages.size(); i++) {
			if (!this.messages.get(i).isSettled()) {
				last = this.messages.get(i).deliveryTag();
			}
		}
		if (last >= 0) {
			try {
				// every unacked message up to the last one: exactly those left in this batch
				this.channel.basicNack(last, true, true);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Override
	public boolean redeliver(Duration delay) {
		redeliverFrom(0, delay);
		return true;
	}

	/** One multiple ack for the unsettled messages before the index (earlier batches are settled). */
	private void ackUpTo(int end) {
		long last = -1;
		for (int i = 0; i < end; i++) {
			if (!this.messages.get(i).isSettled()) {
				last = this.messages.get(i).deliveryTag();
			}
		}
		if (last >= 0) {
			try {
				this.channel.basicAck(last, true);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
