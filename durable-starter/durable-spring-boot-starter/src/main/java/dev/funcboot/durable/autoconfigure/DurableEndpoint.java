package dev.funcboot.durable.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.store.InstanceQuery;
import dev.funcboot.durable.store.InstanceState;
import dev.funcboot.durable.store.OrchestrationStore;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/durable}: instances by status, the oldest running instance, and stuck
 * instances (running or pending without progress for {@code funcboot.durable.stuck-after}).
 */
@Endpoint(id = "durable")
public class DurableEndpoint {

	private static final int SCAN_LIMIT = 1000;

	private final OrchestrationStore store;

	private final OrchestratorCatalog orchestrators;

	private final Clock clock;

	private final Duration stuckAfter;

	public DurableEndpoint(OrchestrationStore store, OrchestratorCatalog orchestrators, Clock clock,
			Duration stuckAfter) {
		this.store = store;
		this.orchestrators = orchestrators;
		this.clock = clock;
		this.stuckAfter = stuckAfter;
	}

	@ReadOperation
	public Map<String, Object> durable() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.store.countByStatus().forEach((status, count) -> counts.put(status.displayName(), count));
		List<InstanceState> active = this.store.query(new InstanceQuery(
				EnumSet.of(OrchestrationStatus.RUNNING, OrchestrationStatus.PENDING, OrchestrationStatus.CONTINUED_AS_NEW),
				null, null, null, SCAN_LIMIT, null));
		Instant now = this.clock.instant();
		InstanceState oldest = null;
		List<Map<String, Object>> stuck = new ArrayList<>();
		for (InstanceState instance : active) {
			if (oldest == null || instance.createdAt().isBefore(oldest.createdAt())) {
				oldest = instance;
			}
			if (instance.lastUpdatedAt().plus(this.stuckAfter).isBefore(now)) {
				stuck.add(describe(instance, now));
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("orchestrators", this.orchestrators.names());
		result.put("instancesByStatus", counts);
		// what the KEDA metrics-api rule of the Container Apps manifest reads
		result.put("backlog", backlog(counts));
		result.put("oldestRunning", (oldest != null) ? describe(oldest, now) : null);
		result.put("stuckAfter", this.stuckAfter.toString());
		result.put("stuck", stuck);
		return result;
	}

	/** Instances with work ahead of them: pending, running or continued as new. */
	static long backlog(Map<String, Long> countsByDisplayName) {
		long backlog = 0;
		for (OrchestrationStatus status : List.of(OrchestrationStatus.PENDING, OrchestrationStatus.RUNNING,
				OrchestrationStatus.CONTINUED_AS_NEW)) {
			backlog += countsByDisplayName.getOrDefault(status.displayName(), 0L);
		}
		return backlog;
	}

	private static Map<String, Object> describe(InstanceState instance, Instant now) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("instanceId", instance.instanceId());
		map.put("name", instance.name());
		map.put("runtimeStatus", instance.status().displayName());
		map.put("createdTime", instance.createdAt().toString());
		map.put("lastUpdatedTime", instance.lastUpdatedAt().toString());
		map.put("idleFor", Duration.between(instance.lastUpdatedAt(), now).toString());
		return map;
	}

}
