package dev.funcboot.durable.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.store.InstanceQuery;
import dev.funcboot.durable.store.InstanceState;
import dev.funcboot.durable.store.OrchestrationStore;

/** A {@link DurableClient} working directly on a store. */
public final class StoreDurableClient implements DurableClient {

	private final OrchestrationStore store;

	private final OrchestratorCatalog orchestrators;

	private final DataConverter converter;

	private final Clock clock;

	public StoreDurableClient(OrchestrationStore store, OrchestratorCatalog orchestrators, DataConverter converter,
			Clock clock) {
		this.store = store;
		this.orchestrators = orchestrators;
		this.converter = converter;
		this.clock = clock;
	}

	@Override
	public String scheduleNewOrchestration(String name, Object input, String instanceId, Instant startAt) {
		if (this.orchestrators.find(name) == null) {
			throw new IllegalArgumentException(
					"No orchestrator named '" + name + "'; known orchestrators: " + this.orchestrators.names());
		}
		String id = (instanceId != null && !instanceId.isBlank()) ? instanceId : UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		String data = this.converter.serialize(input);
		InstanceState state = new InstanceState(id, name, OrchestrationStatus.PENDING, data, null, null, null, now, now,
				null);
		Instant visibleAt = (startAt != null && startAt.isAfter(now)) ? startAt : now;
		if (!this.store.createInstance(state, new HistoryEvent.ExecutionStarted(now, name, id, data, null), visibleAt)) {
			throw new IllegalArgumentException("Instance '" + id + "' already exists and has not ended");
		}
		return id;
	}

	@Override
	public OrchestrationMetadata getInstance(String instanceId) {
		InstanceState state = this.store.getInstance(instanceId);
		return (state != null) ? new OrchestrationMetadata(state, this.converter) : null;
	}

	@Override
	public List<HistoryEvent> getHistory(String instanceId) {
		return this.store.getHistory(instanceId);
	}

	@Override
	public void raiseEvent(String instanceId, String eventName, Object payload) {
		requireInstance(instanceId);
		this.store.sendMessage(instanceId,
				new HistoryEvent.EventRaised(this.clock.instant(), eventName, this.converter.serialize(payload)),
				this.clock.instant());
	}

	@Override
	public void terminate(String instanceId, String reason) {
		requireInstance(instanceId);
		this.store.sendMessage(instanceId, new HistoryEvent.ExecutionTerminated(this.clock.instant(), reason),
				this.clock.instant());
	}

	@Override
	public void suspend(String instanceId, String reason) {
		requireInstance(instanceId);
		this.store.sendMessage(instanceId, new HistoryEvent.ExecutionSuspended(this.clock.instant(), reason),
				this.clock.instant());
	}

	@Override
	public void resume(String instanceId, String reason) {
		requireInstance(instanceId);
		this.store.sendMessage(instanceId, new HistoryEvent.ExecutionResumed(this.clock.instant(), reason),
				this.clock.instant());
	}

	@Override
	public boolean purge(String instanceId) {
		return this.store.purge(instanceId);
	}

	@Override
	public InstancePage query(InstanceQuery query) {
		List<InstanceState> states = this.store.query(query);
		List<OrchestrationMetadata> instances = new java.util.ArrayList<>(states.size());
		for (InstanceState state : states) {
			instances.add(new OrchestrationMetadata(state, this.converter));
		}
		int offset = (query.continuationToken() != null) ? Integer.parseInt(query.continuationToken()) : 0;
		String next = (states.size() == query.pageSize()) ? String.valueOf(offset + states.size()) : null;
		return new InstancePage(instances, next);
	}

	@Override
	public OrchestrationMetadata waitForCompletion(String instanceId, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long sleep = 2;
		while (true) {
			OrchestrationMetadata metadata = getInstance(instanceId);
			if (metadata == null) {
				throw new IllegalArgumentException("No instance '" + instanceId + "'");
			}
			if (!metadata.isRunning() || System.nanoTime() >= deadline) {
				return metadata;
			}
			Thread.sleep(sleep);
			sleep = Math.min(sleep * 2, 100);
		}
	}

	private void requireInstance(String instanceId) {
		if (this.store.getInstance(instanceId) == null) {
			throw new IllegalArgumentException("No instance '" + instanceId + "'");
		}
	}

}
