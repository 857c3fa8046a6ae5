package dev.funcboot.trigger.rabbit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.GetResponse;
import dev.funcboot.functions.binding.StreamOptions;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.trigger.stream.StreamHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.support.AmqpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries through RabbitMQ's retry queues, against a real RabbitMQ: a message retried after a
 * short delay comes back after that delay even when one retried after a long delay went before it
 * (RabbitMQ expires messages only from the head of a queue, so they wait in queues of their own
 * delay).
 */
class RabbitRetryQueueIntegrationTests {

	private final String exchange = LocalRabbit.uniqueName("retry-order");

	private final StreamTriggerBinding trigger = new StreamTriggerBinding(StreamTriggerBinding.RABBIT, this.exchange,
			"audit", "rabbit", "#", StreamOptions.DEFAULTS);

	private final String queue = RabbitStreamBroker.queue(this.trigger);

	@AfterEach
	void deleteQueues() {
		LocalRabbit.withChannel((channel) -> {
			channel.queueDelete(RabbitDelivery.retryQueue(this.queue, 4000));
			channel.queueDelete(RabbitDelivery.retryQueue(this.queue, 200));
			channel.queueDelete(this.queue);
			return channel.exchangeDelete(this.exchange);
		});
	}

	@Test
	void aShortRetryIsNotHeldBehindALongerOneThatWentFirst() {
		LocalRabbit.declareExchange(this.exchange);
		LocalRabbit.declareGroupQueue(this.exchange, "audit");
		LocalRabbit.publish(this.exchange, "orders", "long".getBytes(StandardCharsets.UTF_8));
		LocalRabbit.publish(this.exchange, "orders", "short".getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(10)).until(() -> LocalRabbit.depth(this.queue) == 2);
		Set<String> retryQueues = ConcurrentHashMap.newKeySet();
		LocalRabbit.withChannel((channel) -> {
			GetResponse first = channel.basicGet(this.queue, false);
			GetResponse second = channel.basicGet(this.queue, false);
			delivery(first, channel, retryQueues).redeliver(Duration.ofSeconds(4));
			delivery(second, channel, retryQueues).redeliver(Duration.ofMillis(200));
			return null;
		});
		// both were acked once republished: nothing is left unacked in the function's queue
		await().atMost(Duration.ofSeconds(3)).until(() -> LocalRabbit.depth(this.queue) == 1);
		List<GetResponse> back = LocalRabbit.drain(this.queue);
		assertThat(back).hasSize(1);
		assertThat(new String(back.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo("short");
		assertThat(String.valueOf(back.get(0).getProps().getHeaders().get(StreamHeaders.ATTEMPT))).isEqualTo("2");
		assertThat(LocalRabbit.depth(RabbitDelivery.retryQueue(this.queue, 4000))).isEqualTo(1);
		await().atMost(Duration.ofSeconds(15)).until(() -> LocalRabbit.depth(this.queue) == 1);
		assertThat(new String(LocalRabbit.drain(this.queue).get(0).getBody(), StandardCharsets.UTF_8))
			.isEqualTo("long");
	}

	private RabbitDelivery delivery(GetResponse response, com.rabbitmq.client.Channel channel,
			Set<String> retryQueues) {
		assertThat(response).isNotNull();
		Map<String, Object> headers = Map.of(AmqpHeaders.DELIVERY_TAG, response.getEnvelope().getDeliveryTag(),
				AmqpHeaders.REDELIVERED, false, AmqpHeaders.CONSUMER_QUEUE, this.queue,
				AmqpHeaders.RECEIVED_EXCHANGE, this.exchange, AmqpHeaders.RECEIVED_ROUTING_KEY, "orders");
		return RabbitDelivery.of(response.getBody(), headers, channel, this.trigger, retryQueues);
	}

}
