package dev.funcboot.functions.binding;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A function bound to a Cosmos DB container's change feed.
 *
 * @param database the database
 * @param container the monitored container
 * @param leaseContainer the container that keeps the processor's leases
 * @param connection the Cosmos connection's name
 * @param startFromBeginning whether a processor without leases starts at the beginning of the feed
 * @param maxItemsPerInvocation the most documents one invocation gets
 * @param feedPollDelay the wait before a drained partition is polled again
 */
public record CosmosDBTriggerBinding(String database, String container, String leaseContainer, String connection,
		boolean startFromBeginning, int maxItemsPerInvocation, Duration feedPollDelay) implements TriggerBinding {

	public static final String TYPE = "cosmosdb";

	public CosmosDBTriggerBinding {
		Objects.requireNonNull(database, "database");
		Objects.requireNonNull(container, "container");
		Objects.requireNonNull(leaseContainer, "leaseContainer");
		Objects.requireNonNull(connection, "connection");
		Objects.requireNonNull(feedPollDelay, "feedPollDelay");
		if (maxItemsPerInvocation < 1) {
			throw new IllegalArgumentException("max-items-per-invocation must be at least 1, was " + maxItemsPerInvocation);
		}
		if (feedPollDelay.isNegative()) {
			throw new IllegalArgumentException("feed-poll-delay must not be negative, was " + feedPollDelay);
		}
		if (leaseContainer.equals(container)) {
			throw new IllegalArgumentException("the lease container must not be the monitored container '" + container
					+ "'; use a container of its own, e.g. 'leases'");
		}
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("database", this.database);
		map.put("container", this.container);
		map.put("leaseContainer", this.leaseContainer);
		map.put("connection", this.connection);
		map.put("startFromBeginning", this.startFromBeginning);
		map.put("maxItemsPerInvocation", this.maxItemsPerInvocation);
		map.put("feedPollDelay", this.feedPollDelay.toString());
		return map;
	}

}
