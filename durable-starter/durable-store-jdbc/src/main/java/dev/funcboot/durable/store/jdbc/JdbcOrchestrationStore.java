package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.store.ActivityWorkItem;
import dev.funcboot.durable.store.InboxMessage;
import dev.funcboot.durable.store.InstanceQuery;
import dev.funcboot.durable.store.InstanceState;
import dev.funcboot.durable.store.LeaseLostException;
import dev.funcboot.durable.store.OrchestrationStore;
import dev.funcboot.durable.store.WorkKind;
import dev.funcboot.durable.store.WorkNotifier;
import dev.funcboot.durable.store.WorkSignals;
import dev.funcboot.durable.store.OrchestrationWorkItem;
import dev.funcboot.durable.store.OutgoingMessage;
import dev.funcboot.durable.store.StepCommit;

/**
 * An {@link OrchestrationStore} on plain JDBC: PostgreSQL for production and scale-out (many
 * replicas share one database), H2 as the embedded default. Every method is one transaction;
 * work is claimed with {@code FOR UPDATE SKIP LOCKED} and leased, so replicas never hand out the
 * same instance or activity call at once, and a dead replica's work is taken over when its lease
 * ends. The schema is created by Flyway when the store is built.
 *
 * <pre>
 * OrchestrationStore store = JdbcOrchestrationStore.builder(dataSource)
 *     .clock(clock)
 *     .build();
 * </pre>
 *
 * Timestamp columns keep microseconds: instance creation and update times are rounded down,
 * message visibility and lease ends rounded up. History events keep every nanosecond.
 * Histories read for steps are cached and checked against the table on every step, so a step
 * decodes only the events added since the instance's previous step (see {@code HistoryCache}).
 * Thread-safe; the data source should be pooled.
 */
public final class JdbcOrchestrationStore implements OrchestrationStore, WorkNotifier {

	/** How often a claim re-reads when the instance it leased had its messages taken meanwhile. */
	private static final int CLAIM_ATTEMPTS = 10;

	/** How many instances' histories are kept between their steps (least recently used dropped). */
	private static final int CACHED_HISTORIES = 1024;

	private final Transactions transactions;

	private final JdbcDialect dialect;

	private final Clock clock;

	private final HistoryTable history;

	private final InboxTable inbox;

	private final HistoryCache historyCache = new HistoryCache(CACHED_HISTORIES);

	private final WorkSignals signals = new WorkSignals();

	private JdbcOrchestrationStore(Builder builder, JdbcDialect dialect) {
		this.transactions = new Transactions(builder.dataSource);
		this.dialect = dialect;
		this.clock = builder.clock;
		HistoryEventCodec codec = new HistoryEventCodec();
		this.history = new HistoryTable(codec);
		this.inbox = new InboxTable(codec);
	}

	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	public JdbcDialect dialect() {
		return this.dialect;
	}

	/**
	 * Runs the listener whenever this store queues work (to wake this process's idle workers).
	 * Work queued by other replicas is not signalled: workers also poll.
	 */
	public void onWork(Runnable listener) {
		this.signals.onWork(listener);
	}

	/** Like {@link #onWork}, naming the kind of work queued. */
	@Override
	public void onWorkOfKind(Consumer<WorkKind> listener) {
		this.signals.onWorkOfKind(listener);
	}

	@Override
	public boolean createInstance(InstanceState instance, HistoryEvent.ExecutionStarted started, Instant visibleAt) {
		String id = instance.instanceId();
		boolean created = this.transactions.run("create instance " + id, (connection) -> {
			InstanceTable.Lock lock = InstanceTable.lockOrCreate(connection, this.dialect.sql(), id);
			if (!lock.isPlaceholder() && !lock.isTerminal()) {
				return false;
			}
			// a new instance, or a new execution replacing one that ended (as in memory, the lease stays)
			InstanceTable.write(connection, instance);
			HistoryTable.delete(connection, id);
			InboxTable.deleteAll(connection, id);
			this.inbox.insert(connection, id, started, visibleAt);
			return true;
		});
		if (created) {
			this.signals.signal(1, 0);
		}
		return created;
	}

	@Override
	public InstanceState getInstance(String instanceId) {
		return this.transactions.run("read instance " + instanceId,
				(connection) -> InstanceTable.find(connection, instanceId));
	}

	@Override
	public List<HistoryEvent> getHistory(String instanceId) {
		return this.transactions.run("read the history of instance " + instanceId,
				(connection) -> this.history.load(connection, instanceId));
	}

	@Override
	public void sendMessage(String instanceId, HistoryEvent event, Instant visibleAt) {
		this.transactions.run("send " + HistoryEventCodec.typeOf(event) + " to instance " + instanceId,
				(connection) -> {
					// the row lock orders the message against a concurrent purge of the instance
					InstanceTable.lockOrCreateForMessage(connection, this.dialect.sql(), instanceId);
					this.inbox.insert(connection, instanceId, event, visibleAt);
					return null;
				});
		this.signals.signal(1, 0);
	}

	@Override
	public Optional<OrchestrationWorkItem> lockNextOrchestration(String worker, Instant now, Duration lease) {
		Instant until = now.plus(lease);
		return this.transactions.run("lock the next orchestration for " + worker, (connection) -> {
			for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
				String token = UUID.randomUUID().toString();
				InstanceState state = this.dialect.sql().claimInstance(connection, worker, token, now, until);
				if (state == null) {
					return Optional.empty();
				}
				boolean suspended = state.status() == OrchestrationStatus.SUSPENDED;
				List<InboxMessage> messages = this.inbox.visible(connection, state.instanceId(), now, suspended);
				if (!messages.isEmpty()) {
					List<HistoryEvent> events = this.history.loadForStep(connection, state.instanceId(),
							this.historyCache);
					return Optional.of(new OrchestrationWorkItem(state, events, messages, token,
							Timestamps.ceilInstant(until)));
				}
				// a step that committed since the claim read consumed them: undo the lease, look again
				connection.rollback();
			}
			return Optional.empty();
		});
	}

	@Override
	public void commitStep(OrchestrationWorkItem item, StepCommit commit) {
		String id = item.instanceId();
		this.transactions.run("commit a step of instance " + id, (connection) -> {
			InstanceTable.Lock own = lockInstances(connection, id, item.lockToken(), commit);
			if (own == null || !item.lockToken().equals(own.lockToken())) {
				throw new LeaseLostException("The lock on instance " + id + " was lost before the step committed");
			}
			// the history the step replayed was read under the lease still held: if it is the cached one,
			// its length is the last seq, and no query is needed to number the new events
			int lastSeq = this.historyCache.lastSeqOf(id, item.history());
			if (commit.replaceHistory()) {
				HistoryTable.delete(connection, id);
				lastSeq = 0;
			}
			this.history.append(connection, id, commit.newEvents(), this.clock.instant(), lastSeq);
			InboxTable.delete(connection, id, commit.consumedMessages());
			if (commit.state() != null) {
				InstanceTable.writeAndRelease(connection, commit.state());
			}
			else {
				InstanceTable.release(connection, id, null);
			}
			for (InstanceState child : commit.newInstances()) {
				InstanceTable.Lock existing = InstanceTable.lock(connection, child.instanceId());
				if (existing.isPlaceholder() || existing.isTerminal()) {
					InstanceTable.write(connection, child);
					HistoryTable.delete(connection, child.instanceId());
				}
			}
			Instant stepTime = (commit.state() != null && commit.state().lastUpdatedAt() != null)
					? commit.state().lastUpdatedAt() : this.clock.instant();
			ActivityTable.insert(connection, commit.activities(), stepTime);
			for (OutgoingMessage message : commit.messages()) {
				this.inbox.insert(connection, message.instanceId(), message.event(), message.visibleAt());
			}
			// a placeholder row whose messages are all gone goes; messages added meanwhile under the
			// message lock are committed (and counted) before the exclusive lock is granted
			if (own.isPlaceholder() && commit.state() == null && InstanceTable.lock(connection, id) != null
					&& InboxTable.isEmpty(connection, id)) {
				InstanceTable.delete(connection, id);
			}
			return null;
		});
		if (commit.state() == null || commit.state().status().isTerminal()) {
			this.historyCache.remove(id); // an ended instance rarely steps again
		}
		this.signals.signalStep(id, commit);
	}

	/**
	 * Locks the rows of every instance the step touches, in id order so that two steps writing
	 * to each other (a parent and its child) cannot deadlock; creates rows for unknown targets.
	 * @return the lock of the step's own instance, or null when its row is gone
	 */
	private InstanceTable.Lock lockInstances(Connection connection, String id, String token, StepCommit commit)
			throws SQLException {
		TreeSet<String> ids = new TreeSet<>();
		ids.add(id);
		commit.messages().forEach((message) -> ids.add(message.instanceId()));
		commit.newInstances().forEach((child) -> ids.add(child.instanceId()));
		InstanceTable.Lock own = null;
		for (String target : ids) {
			if (target.equals(id)) {
				own = InstanceTable.lockForStep(connection, this.dialect.sql(), id);
				if (own == null || !token.equals(own.lockToken())) {
					return own; // lease lost: lock nothing more, the transaction rolls back
				}
			}
			else {
				InstanceTable.lockOrCreate(connection, this.dialect.sql(), target);
			}
		}
		return own;
	}

	@Override
	public void abandonOrchestration(OrchestrationWorkItem item) {
		this.transactions.run("release instance " + item.instanceId(),
				(connection) -> InstanceTable.release(connection, item.instanceId(), item.lockToken()));
	}

	@Override
	public Optional<ActivityWorkItem> lockNextActivity(String worker, Instant now, Duration lease) {
		String token = UUID.randomUUID().toString();
		return this.transactions.run("lock the next activity for " + worker, (connection) -> Optional
			.ofNullable(this.dialect.sql().claimActivity(connection, worker, token, now, now.plus(lease))));
	}

	@Override
	public boolean renewActivityLease(ActivityWorkItem item, Instant now, Duration lease) {
		return this.transactions.run("renew the lease of activity " + item.name() + " #" + item.taskId(),
				(connection) -> ActivityTable.renew(connection, item.id(), item.lockToken(), now.plus(lease)));
	}

	@Override
	public void completeActivity(ActivityWorkItem item, HistoryEvent result, Instant now) {
		this.transactions.run("complete activity " + item.name() + " #" + item.taskId() + " of instance "
				+ item.instanceId(), (connection) -> {
					// instance row first, as purge does, so the two cannot deadlock
					InstanceTable.Lock instance = InstanceTable.lockForMessage(connection, this.dialect.sql(),
							item.instanceId());
					if (!ActivityTable.delete(connection, item.id(), item.lockToken())) {
						throw new LeaseLostException("Activity " + item.name() + " #" + item.taskId()
								+ " of instance " + item.instanceId() + " was handed to another worker");
					}
					if (instance == null) {
						InstanceTable.lockOrCreateForMessage(connection, this.dialect.sql(), item.instanceId());
					}
					this.inbox.insert(connection, item.instanceId(), result, now);
					return null;
				});
		this.signals.signal(1, 0);
	}

	@Override
	public List<InstanceState> query(InstanceQuery query) {
		return this.transactions.run("query instances", (connection) -> InstanceTable.query(connection, query));
	}

	@Override
	public boolean purge(String instanceId) {
		boolean purged = this.transactions.run("purge instance " + instanceId, (connection) -> {
			InstanceTable.Lock lock = InstanceTable.lock(connection, instanceId);
			if (lock == null || !lock.isTerminal()) {
				return false;
			}
			ActivityTable.deleteAll(connection, instanceId);
			InboxTable.deleteAll(connection, instanceId);
			HistoryTable.delete(connection, instanceId);
			InstanceTable.delete(connection, instanceId);
			return true;
		});
		if (purged) {
			this.historyCache.remove(instanceId);
		}
		return purged;
	}

	@Override
	public Instant nextVisibleAt() {
		return this.transactions.run("read the next visible time", InboxTable::earliestVisibleAt);
	}

	/** Options of a {@link JdbcOrchestrationStore}. */
	public static final class Builder {

		private final DataSource dataSource;

		private JdbcDialect dialect;

		private Clock clock = Clock.systemUTC();

		private boolean migrateSchema = true;

		private Builder(DataSource dataSource) {
			this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		}

		/** The database's dialect; detected from the connection's metadata by default. */
		public Builder dialect(JdbcDialect dialect) {
			this.dialect = dialect;
			return this;
		}

		/**
		 * The clock stamping history rows and the visibility of activity calls queued by a step
		 * without a new state; the system clock by default. Times of claims and messages come from
		 * the callers.
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Whether {@link #build()} creates or upgrades the tables with Flyway (true by default).
		 * Turn it off when the schema is managed elsewhere, e.g. by running the migrations in
		 * {@code dev/funcboot/durable/store/jdbc/migration/<dialect>} with the application's own tooling.
		 */
		public Builder migrateSchema(boolean migrateSchema) {
			this.migrateSchema = migrateSchema;
			return this;
		}

		public JdbcOrchestrationStore build() {
			JdbcDialect resolved = (this.dialect != null) ? this.dialect : JdbcDialect.detect(this.dataSource);
			if (this.migrateSchema) {
				SchemaMigration.migrate(this.dataSource, resolved);
			}
			return new JdbcOrchestrationStore(this, resolved);
		}

	}

}
