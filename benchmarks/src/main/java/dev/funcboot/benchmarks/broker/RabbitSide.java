package dev.funcboot.benchmarks.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * RabbitMQ (127.0.0.1:5672, guest/guest): a topic exchange per round with two durable queues
 * declared as the Rabbit binder declares them, both filled by the same publishes. Raw: the Java
 * client consuming one queue with the same prefetch, decoding each body as text, calling a no-op
 * and acking each message. Funcboot: the {@code noop} function on the other queue.
 */
final class RabbitSide implements BrokerSide {

	private final int prefetch;

	private final Connection connection;

	RabbitSide(int prefetch) throws Exception {
		this.prefetch = prefetch;
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(5672);
		try {
			this.connection = factory.newConnection("funcboot-bench");
		}
		catch (IOException ex) {
			throw new IllegalStateException("RabbitMQ is not reachable on 127.0.0.1:5672; run scripts/services.sh "
					+ "start rabbitmq", ex);
		}
		System.out.println("RabbitMQ: 127.0.0.1:5672");
	}

	@Override
	public String name() {
		return "rabbit";
	}

	@Override
	public String fill(String prefix, int messages) throws Exception {
		String exchange = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		try (Channel channel = this.connection.createChannel()) {
			channel.exchangeDeclare(exchange, "topic", true);
			for (String group : new String[] { "raw", "noop" }) {
				String queue = exchange + "." + group;
				channel.queueDeclare(queue, true, false, false,
						Map.of("x-dead-letter-exchange", "DLX", "x-dead-letter-routing-key", queue));
				channel.queueBind(queue, exchange, "#");
			}
			channel.confirmSelect();
			for (int i = 0; i < messages; i++) {
				channel.basicPublish(exchange, "orders", null,
						("{\"id\":\"o-" + i + "\",\"quantity\":1}").getBytes(StandardCharsets.UTF_8));
			}
			channel.waitForConfirmsOrDie(60_000);
		}
		return exchange;
	}

	@Override
	public double raw(String exchange, int messages) throws Exception {
		NoopFunctionApp.Clock clock = new NoopFunctionApp.Clock();
		// -Dbench.rabbit-raw-ack=batch: the stricter baseline, one multiple ack per half prefetch
		boolean batchAcks = "batch".equals(System.getProperty("bench.rabbit-raw-ack", "each"));
		int ackEvery = Math.max(1, this.prefetch / 2);
		try (Channel channel = this.connection.createChannel()) {
			channel.basicQos(this.prefetch);
			channel.basicConsume(exchange + ".raw", false, new DefaultConsumer(channel) {

				@Override
				public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
						throws IOException {
					if (new String(body, StandardCharsets.UTF_8).isEmpty()) {
						throw new IllegalStateException();
					}
					clock.tick();
					if (!batchAcks) {
						channel.basicAck(envelope.getDeliveryTag(), false);
					}
					else if (clock.count.get() % ackEvery == 0 || clock.count.get() >= messages) {
						channel.basicAck(envelope.getDeliveryTag(), true);
					}
				}

			});
			BrokerWait.until(() -> clock.count.get() >= messages, Duration.ofMinutes(5));
		}
		return clock.rate();
	}

	@Override
	public double funcboot(String exchange, int messages) throws InterruptedException {
		NoopFunctionApp.CLOCK.reset();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NoopFunctionApp.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.rabbitmq.host=127.0.0.1",
					"funcboot.functions.noop.rabbit.destination=" + exchange,
					"funcboot.functions.noop.rabbit.batch-size=" + this.prefetch, "logging.level.root=WARN")
			.properties(NoopFunctionApp.ISOLATED)
			.properties(KafkaSide.extraProperties())
			.run();
		try {
			BrokerWait.until(() -> NoopFunctionApp.CLOCK.count.get() >= messages, Duration.ofMinutes(5));
			return NoopFunctionApp.CLOCK.rate();
		}
		finally {
			SpringApplication.exit(context);
		}
	}

	@Override
	public void close() throws IOException {
		this.connection.close();
	}

}
