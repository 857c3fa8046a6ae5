package dev.funcboot.autoconfigure;

import java.time.Duration;

/** A function's Cosmos DB change feed trigger ({@code funcboot.functions.<name>.cosmos.*}); overrides the annotation. */
public class CosmosTriggerProperties {

	/** The database. */
	private String database;

	/** The monitored container. */
	private String container;

	/** The lease container; defaults to 'leases'. */
	private String leaseContainer;

	/** Cosmos connection: a name under funcboot.cosmos.connections; defaults to 'default'. */
	private String connection;

	/** Whether a processor without leases starts at the beginning of the feed. */
	private Boolean startFromBeginning;

	/** The most documents one invocation gets. */
	private Integer maxItemsPerInvocation;

	/** How long a drained partition waits before it is polled again. */
	private Duration feedPollDelay;

	public String getDatabase() {
		return this.database;
	}

	public void setDatabase(String database) {
		this.database = database;
	}

	public String getContainer() {
		return this.container;
	}

	public void setContainer(String container) {
		this.container = container;
	}

	public String getLeaseContainer() {
		return this.leaseContainer;
	}

	public void setLeaseContainer(String leaseContainer) {
		this.leaseContainer = leaseContainer;
	}

	public String getConnection() {
		return this.connection;
	}

	public void setConnection(String connection) {
		this.connection = connection;
	}

	public Boolean getStartFromBeginning() {
		return this.startFromBeginning;
	}

	public void setStartFromBeginning(Boolean startFromBeginning) {
		this.startFromBeginning = startFromBeginning;
	}

	public Integer getMaxItemsPerInvocation() {
		return this.maxItemsPerInvocation;
	}

	public void setMaxItemsPerInvocation(Integer maxItemsPerInvocation) {
		this.maxItemsPerInvocation = maxItemsPerInvocation;
	}

	public Duration getFeedPollDelay() {
		return this.feedPollDelay;
	}

	public void setFeedPollDelay(Duration feedPollDelay) {
		this.feedPollDelay = feedPollDelay;
	}

}
