package dev.funcboot.functions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTests {

	@Test
	void acceptsOnlyWellFormedTraceparents() {
		assertThat(TraceContext.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isTrue();
		assertThat(TraceContext.isValidTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isFalse();
		assertThat(TraceContext.isValidTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isFalse();
		assertThat(TraceContext.isValidTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
		assertThat(TraceContext.isValidTraceparent(null)).isFalse();
		assertThat(TraceContext.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

}
