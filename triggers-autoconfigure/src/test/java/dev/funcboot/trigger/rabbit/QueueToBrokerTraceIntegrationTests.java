package dev.funcboot.trigger.rabbit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.azure.storage.queue.QueueServiceClientBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import dev.funcboot.functions.TraceContext;
import dev.funcboot.functions.annotation.QueueTrigger;
import dev.funcboot.functions.annotation.RabbitOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chain Storage queue → topic across technologies: a queue function with a RabbitMQ output
 * sends its result to the exchange, continuing the trace the queue message came with. Real
 * Azurite, real RabbitMQ, real OpenTelemetry tracer.
 */
class QueueToBrokerTraceIntegrationTests {

	private static final String AZURITE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
			+ "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
			+ "QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void aQueueFunctionPublishesToAnExchangeInTheSameTrace() throws Exception {
		String queue = LocalRabbit.uniqueName("q2x");
		String exchange = LocalRabbit.uniqueName("q2x-orders");
		LocalRabbit.declareExchange(exchange);
		String captured = exchange + ".captured";
		LocalRabbit.withChannel((channel) -> {
			channel.queueDeclare(captured, false, false, true, null);
			return channel.queueBind(captured, exchange, "#");
		});
		this.context = new SpringApplicationBuilder(Forwarding.class).web(WebApplicationType.NONE)
			.properties(Map.of("spring.main.banner-mode", "off", "test.queue", queue, "test.exchange", exchange,
					"funcboot.storage.connections.default.connection-string", AZURITE,
					"funcboot.queue.max-polling-interval", "500ms", "management.tracing.sampling.probability", "1.0",
					"spring.cloud.stream.default-binder", "rabbit"))
			.run();
		String envelope = "{\"funcboot-envelope\":1,\"headers\":{\"traceparent\":\"00-" + TRACE_ID
				+ "-00f067aa0ba902b7-01\"},\"body\":\""
				+ Base64.getEncoder().encodeToString("{\"id\":\"x-1\",\"quantity\":3}".getBytes(StandardCharsets.UTF_8))
				+ "\"}";
		new QueueServiceClientBuilder().connectionString(AZURITE)
			.buildClient()
			.getQueueClient(queue)
			.sendMessage(Base64.getEncoder().encodeToString(envelope.getBytes(StandardCharsets.UTF_8)));
		List<GetResponse> received = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			received.addAll(LocalRabbit.drain(captured));
			return !received.isEmpty();
		});
		GetResponse message = received.get(0);
		assertThat(new ObjectMapper().readTree(message.getBody()).get("id").asText()).isEqualTo("x-1");
		Object traceparent = message.getProps().getHeaders().get(TraceContext.TRACEPARENT);
		assertThat(traceparent).isNotNull();
		assertThat(TraceContext.traceId(traceparent.toString())).isEqualTo(TRACE_ID);
	}

	record Order(String id, int quantity) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
	static class Forwarding {

		@Bean
		@QueueTrigger(queue = "${test.queue}")
		@RabbitOutput(exchange = "${test.exchange}")
		Function<Order, Order> forward() {
			return (order) -> order;
		}

	}

}
