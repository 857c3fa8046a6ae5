package dev.funcboot.durable.client;

import java.lang.reflect.Type;
import java.time.Instant;

import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.store.InstanceState;

/** An instance as clients see it; payloads decoded on request. */
public final class OrchestrationMetadata {

	private final InstanceState state;

	private final DataConverter converter;

	OrchestrationMetadata(InstanceState state, DataConverter converter) {
		this.state = state;
		this.converter = converter;
	}

	public String instanceId() {
		return this.state.instanceId();
	}

	public String name() {
		return this.state.name();
	}

	public OrchestrationStatus status() {
		return this.state.status();
	}

	public Instant createdAt() {
		return this.state.createdAt();
	}

	public Instant lastUpdatedAt() {
		return this.state.lastUpdatedAt();
	}

	public FailureDetails failure() {
		return this.state.failure();
	}

	public String serializedInput() {
		return this.state.input();
	}

	public String serializedOutput() {
		return this.state.output();
	}

	public String serializedCustomStatus() {
		return this.state.customStatus();
	}

	public <T> T readOutputAs(Type type) {
		return this.converter.deserialize(this.state.output(), type);
	}

	public <T> T readInputAs(Type type) {
		return this.converter.deserialize(this.state.input(), type);
	}

	public <T> T readCustomStatusAs(Type type) {
		return this.converter.deserialize(this.state.customStatus(), type);
	}

	public boolean isRunning() {
		return !this.state.status().isTerminal();
	}

	@Override
	public String toString() {
		return "OrchestrationMetadata[" + this.state.name() + " " + this.state.instanceId() + " "
				+ this.state.status().displayName() + "]";
	}

}
