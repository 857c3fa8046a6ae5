package dev.funcboot.durable.store;

import java.time.Instant;
import java.util.Set;

import dev.funcboot.durable.OrchestrationStatus;

/**
 * Filters of an instance listing; {@code null} means no filter.
 *
 * @param pageSize the most instances to return
 * @param continuationToken where the previous page ended, or {@code null}
 */
public record InstanceQuery(Set<OrchestrationStatus> statuses, String namePrefix, Instant createdFrom,
		Instant createdTo, int pageSize, String continuationToken) {

	public static InstanceQuery all() {
		return new InstanceQuery(null, null, null, null, 100, null);
	}

}
