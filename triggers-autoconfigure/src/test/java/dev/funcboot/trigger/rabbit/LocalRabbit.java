package dev.funcboot.trigger.rabbit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * The RabbitMQ broker the tests use (127.0.0.1:5672, guest/guest, started by
 * {@code scripts/services.sh start rabbitmq}), through the plain Java client. Fails loudly when it
 * is not running.
 */
public final class LocalRabbit {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = 5672;

	private static Connection connection;

	private LocalRabbit() {
	}

	public static synchronized Connection connection() {
		if (connection == null || !connection.isOpen()) {
			ConnectionFactory factory = new ConnectionFactory();
			factory.setHost(HOST);
			factory.setPort(PORT);
			factory.setUsername("guest");
			factory.setPassword("guest");
			try {
				connection = factory.newConnection("funcboot-tests");
			}
			catch (IOException | TimeoutException ex) {
				throw new IllegalStateException("RabbitMQ is not reachable on " + HOST + ":" + PORT
						+ "; start it with scripts/services.sh start rabbitmq", ex);
			}
		}
		return connection;
	}

	public static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Runs the work on a channel of its own, closed afterwards (which returns unacked messages). */
	public static <T> T withChannel(ChannelWork<T> work) {
		try (Channel channel = connection().createChannel()) {
			return work.run(channel);
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Declares a durable topic exchange as the binder does. */
	public static void declareExchange(String exchange) {
		withChannel((channel) -> channel.exchangeDeclare(exchange, "topic", true));
	}

	/**
	 * Declares the queue {@code <exchange>.<group>} exactly as the binder does (dead-lettering to
	 * its DLQ through the {@code DLX} exchange), so messages sent before the application starts wait.
	 */
	public static void declareGroupQueue(String exchange, String group) {
		String queue = exchange + "." + group;
		withChannel((channel) -> {
			channel.queueDeclare(queue, true, false, false,
					Map.of("x-dead-letter-exchange", "DLX", "x-dead-letter-routing-key", queue));
			return channel.queueBind(queue, exchange, "#");
		});
	}

	public static void publish(String exchange, String routingKey, byte[] body) {
		withChannel((channel) -> {
			channel.basicPublish(exchange, routingKey, null, body);
			return null;
		});
	}

	/** Takes (and acks) every message now in the queue. */
	public static List<GetResponse> drain(String queue) {
		return withChannel((channel) -> {
			List<GetResponse> responses = new ArrayList<>();
			for (GetResponse response = channel.basicGet(queue, true); response != null; response = channel
				.basicGet(queue, true)) {
				responses.add(response);
			}
			return responses;
		});
	}

	/** Every message now in the queue, left there. */
	public static List<GetResponse> peekAll(String queue) {
		return withChannel((channel) -> {
			List<GetResponse> responses = new ArrayList<>();
			for (GetResponse response = channel.basicGet(queue, false); response != null; response = channel
				.basicGet(queue, false)) {
				responses.add(response);
			}
			// closing the channel returns them
			return responses;
		});
	}

	/** Ready messages of the queue; 0 when it does not exist. */
	public static long depth(String queue) {
		try {
			return withChannel((channel) -> (long) channel.queueDeclarePassive(queue).getMessageCount());
		}
		catch (RuntimeException ex) {
			if (String.valueOf(ex.getCause()).contains("NOT_FOUND") || ex.toString().contains("NOT_FOUND")
					|| ex.getCause() instanceof IOException) {
				return 0;
			}
			throw ex;
		}
	}

	@FunctionalInterface
	public interface ChannelWork<T> {

		T run(Channel channel) throws IOException;

	}

}
