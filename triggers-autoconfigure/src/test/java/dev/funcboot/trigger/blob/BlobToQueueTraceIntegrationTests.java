package dev.funcboot.trigger.blob;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.funcboot.functions.TraceContext;
import dev.funcboot.functions.annotation.BlobTrigger;
import dev.funcboot.functions.annotation.QueueOutput;
import dev.funcboot.trigger.storagequeue.binder.TraceEnvelope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * A blob function's queue output in a trace: with {@code funcboot.queue.trace-envelope} on, the
 * message goes in a trace envelope carrying the invocation's trace, as the queue trigger's outputs
 * do, so the queue function that takes it continues the trace. Real Azurite, real OpenTelemetry
 * tracer.
 */
class BlobToQueueTraceIntegrationTests {

	private ConfigurableApplicationContext context;

	@BeforeAll
	static void azurite() {
		AzuriteBlobs.assertRunning();
	}

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
		Forwarding.traces.clear();
	}

	@Test
	void theQueueMessageCarriesTheInvocationsTraceInAnEnvelope() {
		String container = AzuriteBlobs.unique("b2q");
		String queue = AzuriteBlobs.unique("b2q-out");
		Map<String, String> properties = BlobTriggerIntegrationTests.properties(AzuriteBlobs.unique("b2q-receipts"),
				AzuriteBlobs.unique("b2q-poison"));
		properties.putAll(Map.of("spring.main.banner-mode", "off", "test.container", container, "test.queue", queue,
				"funcboot.queue.trace-envelope", "true", "management.tracing.sampling.probability", "1.0"));
		this.context = new SpringApplicationBuilder(Forwarding.class).web(WebApplicationType.NONE)
			.properties(Map.copyOf(properties))
			.run();
		AzuriteBlobs.upload(container, "o-1.json", "{\"id\":\"o-1\",\"quantity\":2}");
		await().atMost(Duration.ofSeconds(30)).until(() -> !AzuriteBlobs.peek(queue).isEmpty());
		byte[] message = AzuriteBlobs.peek(queue).get(0).getBytes(StandardCharsets.UTF_8);
		TraceEnvelope envelope = TraceEnvelope.unwrap(message);
		assertThat(envelope).isNotNull();
		assertThat(new String(envelope.payload(), StandardCharsets.UTF_8))
			.isEqualTo("{\"id\":\"o-1\",\"quantity\":2}");
		assertThat(Forwarding.traces).hasSize(1);
		String[] invocation = Forwarding.traces.get(0);
		String traceparent = envelope.headers().get(TraceContext.TRACEPARENT);
		// the invocation's own span: its trace, and its span as the parent of whatever takes the message
		assertThat(TraceContext.traceId(traceparent)).isEqualTo(invocation[0]);
		assertThat(traceparent.split("-")[2]).isEqualTo(invocation[1]);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
	static class Forwarding {

		/** The trace id and span id current in the function, for each call. */
		static final List<String[]> traces = new CopyOnWriteArrayList<>();

		@Bean
		@BlobTrigger(path = "${test.container}/{name}")
		@QueueOutput(queue = "${test.queue}")
		Function<String, String> forward(Tracer tracer) {
			return (text) -> {
				Span span = tracer.currentSpan();
				traces.add((span != null) ? new String[] { span.context().traceId(), span.context().spanId() }
						: new String[] { "none", "none" });
				return text;
			};
		}

	}

}
