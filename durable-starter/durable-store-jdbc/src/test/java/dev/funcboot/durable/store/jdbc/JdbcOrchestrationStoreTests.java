package dev.funcboot.durable.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.store.ActivityRequest;
import dev.funcboot.durable.store.ActivityWorkItem;
import dev.funcboot.durable.store.InstanceState;
import dev.funcboot.durable.store.OrchestrationWorkItem;
import dev.funcboot.durable.store.StepCommit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What the JDBC store does beyond the SPI contract: schema, dialects, persistence, precision. */
class JdbcOrchestrationStoreTests {

	static final Instant T0 = OrchestrationStoreContractTests.T0;

	@TempDir
	Path directory;

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	@AfterEach
	void closeDataSources() {
		this.dataSources.forEach(HikariDataSource::close);
	}

	@Test
	void dialectIsDetectedFromTheDatabase() {
		assertThat(JdbcDialect.detect(open())).isEqualTo(JdbcDialect.H2);
		assertThat(JdbcDialect.of("PostgreSQL")).isEqualTo(JdbcDialect.POSTGRESQL);
		assertThatIllegalArgumentException().isThrownBy(() -> JdbcDialect.of("MySQL"))
			.withMessageContaining("'MySQL'")
			.withMessageContaining("PostgreSQL, H2");
	}

	@Test
	void migrationsAreRecordedInTheStoresOwnHistoryTable() throws SQLException {
		DataSource dataSource = open();
		JdbcOrchestrationStore.builder(dataSource).build();
		assertThat(tables(dataSource)).contains("funcboot_durable_schema_history", "funcboot_durable_instances",
				"funcboot_durable_history", "funcboot_durable_inbox", "funcboot_durable_activities")
			.doesNotContain("flyway_schema_history");
		assertThat(appliedVersions(dataSource, "funcboot_durable_schema_history")).containsExactly("1");
	}

	@Test
	void storeLivesNextToTheApplicationsOwnFlyway() throws SQLException {
		DataSource dataSource = open();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/app-migration").load().migrate();
		JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(dataSource).build();
		// the application's migrations and ours stay apart, both ways round
		assertThat(Flyway.configure().dataSource(dataSource).locations("classpath:db/app-migration").load().migrate()
			.migrationsExecuted).isZero();
		assertThat(appliedVersions(dataSource, "flyway_schema_history")).containsExactly("1", "2");
		assertThat(appliedVersions(dataSource, "funcboot_durable_schema_history")).containsExactly("0", "1");
		assertThat(store.createInstance(instance("i-1"), started("i-1"), T0)).isTrue();
	}

	@Test
	void buildingAgainKeepsTheData() {
		DataSource dataSource = open();
		JdbcOrchestrationStore.builder(dataSource).build().createInstance(instance("i-1"), started("i-1"), T0);
		assertThat(JdbcOrchestrationStore.builder(dataSource).build().getInstance("i-1")).isEqualTo(instance("i-1"));
	}

	@Test
	void fileDatabaseKeepsInstancesAcrossRestarts() {
		HikariDataSource first = open();
		JdbcOrchestrationStore.builder(first).build().createInstance(instance("i-1"), started("i-1"), T0);
		first.close();
		JdbcOrchestrationStore reopened = JdbcOrchestrationStore.builder(open()).build();
		assertThat(reopened.getInstance("i-1")).isEqualTo(instance("i-1"));
		assertThat(reopened.lockNextOrchestration("w", T0, OrchestrationStoreContractTests.LEASE)).isPresent();
	}

	@Test
	void withoutMigrationTheSchemaIsLeftAlone() throws SQLException {
		DataSource dataSource = open();
		JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(dataSource)
			.dialect(JdbcDialect.H2)
			.migrateSchema(false)
			.build();
		assertThat(tables(dataSource)).isEmpty();
		assertThatExceptionOfType(JdbcStoreException.class)
			.isThrownBy(() -> store.createInstance(instance("i-1"), started("i-1"), T0))
			.withMessageContaining("could not create instance i-1")
			.withMessageContaining("FUNCBOOT_DURABLE_INSTANCES");
	}

	@Test
	void listenersHearOfQueuedWork() {
		JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(open()).build();
		AtomicInteger signals = new AtomicInteger();
		store.onWork(signals::incrementAndGet);
		store.createInstance(instance("i-1"), started("i-1"), T0);
		assertThat(signals).hasValue(1);
		store.sendMessage("i-1", new HistoryEvent.EventRaised(T0, "e", null), T0);
		assertThat(signals).hasValue(2);
		OrchestrationWorkItem item = store.lockNextOrchestration("w", T0, OrchestrationStoreContractTests.LEASE)
			.orElseThrow();
		store.commitStep(item, new StepCommit(List.of(), false, OrchestrationStoreContractTests.ids(item),
				instance("i-1").withStatus(OrchestrationStatus.RUNNING, T0),
				List.of(new ActivityRequest("i-1", 0, "a", null)), List.of(), List.of()));
		assertThat(signals).hasValue(3);
		ActivityWorkItem activity = store.lockNextActivity("w", T0, OrchestrationStoreContractTests.LEASE)
			.orElseThrow();
		store.completeActivity(activity, new HistoryEvent.TaskCompleted(T0, 0, null), T0);
		assertThat(signals).hasValue(4);
	}

	@Test
	void stepsSeeHistoryWrittenByAnotherReplicaNotAStaleCopy() {
		DataSource dataSource = open();
		JdbcOrchestrationStore replicaA = JdbcOrchestrationStore.builder(dataSource).build();
		JdbcOrchestrationStore replicaB = JdbcOrchestrationStore.builder(dataSource).build();
		replicaA.createInstance(instance("i-1"), started("i-1"), T0);
		step(replicaA, T0, List.of(started("i-1"), new HistoryEvent.OrchestratorStarted(T0)));
		// A reads (and caches) the history for its next step; B takes the step after that
		replicaA.sendMessage("i-1", new HistoryEvent.EventRaised(T0, "e", "1"), T0);
		step(replicaA, T0.plusSeconds(1), List.of(new HistoryEvent.OrchestratorStarted(T0.plusSeconds(1))));
		replicaB.sendMessage("i-1", new HistoryEvent.EventRaised(T0, "e", "2"), T0);
		step(replicaB, T0.plusSeconds(2), List.of(new HistoryEvent.OrchestratorStarted(T0.plusSeconds(2))));
		replicaA.sendMessage("i-1", new HistoryEvent.EventRaised(T0, "e", "3"), T0);
		OrchestrationWorkItem extended = lock(replicaA, T0.plusSeconds(3));
		assertThat(extended.history()).hasSize(4).isEqualTo(replicaA.getHistory("i-1"));
		replicaA.commitStep(extended, new StepCommit(List.of(), false, OrchestrationStoreContractTests.ids(extended),
				extended.instance(), List.of(), List.of(), List.of()));

		// B ends the instance and starts a new execution with as many events: another history
		replicaB.sendMessage("i-1", new HistoryEvent.EventRaised(T0, "e", "4"), T0);
		OrchestrationWorkItem last = lock(replicaB, T0.plusSeconds(4));
		replicaB.commitStep(last, new StepCommit(List.of(OrchestrationStoreContractTests.completed()), false,
				OrchestrationStoreContractTests.ids(last),
				instance("i-1").withStatus(OrchestrationStatus.COMPLETED, T0.plusSeconds(4)), List.of(), List.of(),
				List.of()));
		HistoryEvent.ExecutionStarted again = new HistoryEvent.ExecutionStarted(T0.plusSeconds(5), "orch", "i-1",
				"\"again\"", null);
		assertThat(replicaB.createInstance(instance("i-1"), again, T0.plusSeconds(5))).isTrue();
		List<HistoryEvent> next = new ArrayList<>(List.of(again));
		for (int i = 0; i < 5; i++) {
			next.add(new HistoryEvent.OrchestratorStarted(T0.plusSeconds(5)));
		}
		step(replicaB, T0.plusSeconds(5), next);
		replicaB.sendMessage("i-1", new HistoryEvent.EventRaised(T0, "e", "5"), T0);
		assertThat(lock(replicaA, T0.plusSeconds(6)).history()).isEqualTo(next)
			.isEqualTo(replicaA.getHistory("i-1"));
	}

	/** Takes the next step of i-1 and commits the events, still running. */
	private static void step(JdbcOrchestrationStore store, Instant now, List<HistoryEvent> events) {
		OrchestrationWorkItem item = lock(store, now);
		store.commitStep(item, new StepCommit(events, false, OrchestrationStoreContractTests.ids(item),
				instance("i-1").withStatus(OrchestrationStatus.RUNNING, now), List.of(), List.of(), List.of()));
	}

	private static OrchestrationWorkItem lock(JdbcOrchestrationStore store, Instant now) {
		return store.lockNextOrchestration("w", now, OrchestrationStoreContractTests.LEASE).orElseThrow();
	}

	@Test
	void timestampColumnsKeepMicrosecondsAndNeverHandOutEarly() {
		JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(open()).build();
		Instant created = T0.plusNanos(1_234_567);
		InstanceState state = new InstanceState("i-1", "orch", OrchestrationStatus.PENDING, null, null, null, null,
				created, created, null);
		Instant visibleAt = T0.plusNanos(5_000_001);
		store.createInstance(state, started("i-1"), visibleAt);
		assertThat(store.getInstance("i-1").createdAt()).isEqualTo(T0.plusNanos(1_234_000));
		assertThat(store.nextVisibleAt()).isEqualTo(T0.plusNanos(5_001_000));
		assertThat(store.lockNextOrchestration("w", visibleAt, OrchestrationStoreContractTests.LEASE)).isEmpty();
		OrchestrationWorkItem item = store
			.lockNextOrchestration("w", T0.plusNanos(5_001_000), OrchestrationStoreContractTests.LEASE.plusNanos(1))
			.orElseThrow();
		assertThat(item.lockedUntil()).isEqualTo(T0.plusNanos(5_001_000).plus(OrchestrationStoreContractTests.LEASE)
			.plusNanos(1_000));
		// events keep every nanosecond
		assertThat(item.messages().get(0).event()).isEqualTo(started("i-1"));
	}

	private HikariDataSource open() {
		HikariDataSource dataSource = H2TestDatabase.open(this.directory);
		this.dataSources.add(dataSource);
		return dataSource;
	}

	private static InstanceState instance(String id) {
		return OrchestrationStoreContractTests.pending(id, "orch", T0);
	}

	private static HistoryEvent.ExecutionStarted started(String id) {
		return new HistoryEvent.ExecutionStarted(T0.plusNanos(7), "orch", id, "\"input\"", null);
	}

	static List<String> tables(DataSource dataSource) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet rows = connection.getMetaData()
					.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME").toLowerCase());
			}
		}
		return tables;
	}

	static List<String> appliedVersions(DataSource dataSource, String table) throws SQLException {
		List<String> versions = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT \"version\" FROM \"" + table
						+ "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
			while (rows.next()) {
				versions.add(rows.getString(1));
			}
		}
		return versions;
	}

}
