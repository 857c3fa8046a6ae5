package dev.funcboot.trigger.storagequeue.binder;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceEnvelopeTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final byte[] ORDER = "{\"id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void wrapsThePayloadWithOnlyTheTraceHeaders() {
		byte[] wrapped = TraceEnvelope.wrap(ORDER,
				Map.of("traceparent", TRACEPARENT, "tracestate", "congo=t61", "contentType", "application/json"));
		TraceEnvelope envelope = TraceEnvelope.unwrap(wrapped);
		assertThat(envelope).isNotNull();
		assertThat(envelope.headers()).containsOnly(Map.entry("traceparent", TRACEPARENT),
				Map.entry("tracestate", "congo=t61"));
		assertThat(envelope.payload()).isEqualTo(ORDER);
	}

	@Test
	void withoutTraceHeadersThePayloadIsSentAsItIs() {
		assertThat(TraceEnvelope.wrap(ORDER, Map.of("contentType", "application/json"))).isSameAs(ORDER);
	}

	@Test
	void plainMessagesAreNotEnvelopesEvenWhenTheyAreJson() {
		assertThat(TraceEnvelope.unwrap(ORDER)).isNull();
		assertThat(TraceEnvelope.unwrap("{\"funcboot-envelope\":1,\"headers\":{}}".getBytes(StandardCharsets.UTF_8)))
			.as("no body")
			.isNull();
		assertThat(TraceEnvelope.unwrap("{\"funcboot-envelope\":1, broken".getBytes(StandardCharsets.UTF_8)))
			.as("not JSON")
			.isNull();
		assertThat(TraceEnvelope.unwrap(new byte[0])).isNull();
	}

}
