package dev.funcboot.trigger.rabbit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.funcboot.functions.TraceContext;
import dev.funcboot.functions.annotation.RabbitOutput;
import dev.funcboot.functions.annotation.RabbitTrigger;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
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
 * A broker function's outputs in a trace: a RabbitMQ-triggered function with a RabbitMQ output
 * continues the trace of the triggering message and sends its result under its own invocation
 * span (not in a new trace, nor under the span that sent the triggering message), and the
 * triggering message's other headers still go along. Real RabbitMQ, real OpenTelemetry tracer,
 * its finished spans collected by an exporter.
 */
class BrokerToBrokerTraceIntegrationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String UPSTREAM_SPAN = "00f067aa0ba902b7";

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
		Relaying.spans.clear();
		Relaying.exported.clear();
	}

	@Test
	void theOutputIsAChildOfTheInvocationSpanAndKeepsTheOtherHeaders() throws Exception {
		String in = LocalRabbit.uniqueName("b2b-in");
		String out = LocalRabbit.uniqueName("b2b-out");
		LocalRabbit.declareExchange(in);
		LocalRabbit.declareGroupQueue(in, "relay");
		LocalRabbit.declareExchange(out);
		String captured = out + ".captured";
		LocalRabbit.withChannel((channel) -> {
			channel.queueDeclare(captured, false, false, true, null);
			return channel.queueBind(captured, out, "#");
		});
		this.context = new SpringApplicationBuilder(Relaying.class).web(WebApplicationType.NONE)
			.properties(Map.of("spring.main.banner-mode", "off", "test.in", in, "test.out", out,
					"management.tracing.sampling.probability", "1.0", "spring.cloud.stream.default-binder", "rabbit"))
			.run();
		LocalRabbit.withChannel((channel) -> {
			channel.basicPublish(in, "orders.eu",
					new AMQP.BasicProperties.Builder()
						.headers(Map.of(TraceContext.TRACEPARENT, "00-" + TRACE_ID + "-" + UPSTREAM_SPAN + "-01",
								"tenant", "eu"))
						.build(),
					"{\"id\":\"t-1\",\"quantity\":3}".getBytes(StandardCharsets.UTF_8));
			return null;
		});
		List<GetResponse> received = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			received.addAll(LocalRabbit.drain(captured));
			return !received.isEmpty();
		});
		GetResponse message = received.get(0);
		assertThat(new ObjectMapper().readTree(message.getBody()).get("id").asText()).isEqualTo("t-1");
		Map<String, Object> headers = message.getProps().getHeaders();
		assertThat(String.valueOf(headers.get("tenant"))).isEqualTo("eu");
		String traceparent = String.valueOf(headers.get(TraceContext.TRACEPARENT));
		// the same trace, continued by the invocation (the span the function saw current)
		assertThat(TraceContext.traceId(traceparent)).isEqualTo(TRACE_ID);
		assertThat(Relaying.spans).hasSize(1);
		String invocation = Relaying.spans.get(0);
		String parent = traceparent.split("-")[2];
		assertThat(parent).isNotEqualTo(UPSTREAM_SPAN);
		// the output's parent is the invocation's span or, where the binder's producer makes a span
		// of its own (RabbitMQ's template does), that span, a child of the invocation's
		await().atMost(Duration.ofSeconds(30))
			.until(() -> parent.equals(invocation) || parentOf(parent) != null);
		if (!parent.equals(invocation)) {
			assertThat(parentOf(parent)).isEqualTo(invocation);
		}
		SpanData invocationSpan = Relaying.exported.stream()
			.filter((span) -> span.getSpanId().equals(invocation))
			.findFirst()
			.orElseThrow();
		assertThat(invocationSpan.getName()).isEqualTo("funcboot relay");
		assertThat(invocationSpan.getParentSpanId()).isNotEqualTo(invocation);
	}

	/** The parent span id of an exported span, or {@code null} while it is not exported. */
	private static String parentOf(String spanId) {
		return Relaying.exported.stream()
			.filter((span) -> span.getSpanId().equals(spanId))
			.map(SpanData::getParentSpanId)
			.findFirst()
			.orElse(null);
	}

	record Order(String id, int quantity) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
	static class Relaying {

		/** The span current in the function, for each call. */
		static final List<String> spans = new CopyOnWriteArrayList<>();

		/** The spans the application finished and exported. */
		static final List<SpanData> exported = new CopyOnWriteArrayList<>();

		@Bean
		SpanExporter collectingExporter() {
			return new SpanExporter() {

				@Override
				public CompletableResultCode export(Collection<SpanData> spans) {
					exported.addAll(spans);
					return CompletableResultCode.ofSuccess();
				}

				@Override
				public CompletableResultCode flush() {
					return CompletableResultCode.ofSuccess();
				}

				@Override
				public CompletableResultCode shutdown() {
					return CompletableResultCode.ofSuccess();
				}

			};
		}

		@Bean
		@RabbitTrigger(exchange = "${test.in}", group = "relay")
		@RabbitOutput(exchange = "${test.out}")
		Function<Order, Order> relay(Tracer tracer) {
			return (order) -> {
				Span span = tracer.currentSpan();
				spans.add((span != null) ? span.context().spanId() : "none");
				return order;
			};
		}

	}

}
