package dev.funcboot.trigger.timer;

import java.time.Instant;
import java.util.UUID;

import dev.funcboot.functions.timer.ScheduleStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on a real PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}; start it with the scripts), with tables of their own that are dropped
 * afterwards. Fails when PostgreSQL is not running.
 */
class TimerTwoReplicaPostgresIntegrationTests extends AbstractTimerTwoReplicaTests {

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private final String lockTable = "it_shedlock_" + this.suffix;

	private final String statusTable = "it_timer_status_" + this.suffix;

	private final JdbcTemplate jdbc = new JdbcTemplate(
			new SimpleDriverDataSource(new org.postgresql.Driver(), URL, "postgres", ""));

	@Override
	protected String[] databaseProperties() {
		return new String[] { "spring.datasource.url=" + URL, "spring.datasource.username=postgres",
				"funcboot.timer.jdbc.lock-table=" + this.lockTable,
				"funcboot.timer.jdbc.status-table=" + this.statusTable };
	}

	@AfterEach
	void dropTables() {
		this.jdbc.execute("DROP TABLE IF EXISTS " + this.lockTable);
		this.jdbc.execute("DROP TABLE IF EXISTS " + this.statusTable);
	}

	@Test
	void statusStoreRoundTripsInstantsAndNullsOnPostgres() {
		TimerJdbcSchema schema = new TimerJdbcSchema(this.jdbc, this.lockTable, this.statusTable);
		schema.initialize();
		schema.initialize();
		JdbcTimerStatusStore store = new JdbcTimerStatusStore(this.jdbc, this.statusTable);
		assertThat(store.read("tick")).isNull();
		ScheduleStatus first = new ScheduleStatus(null, Instant.parse("2025-01-01T00:05:00Z"),
				Instant.parse("2025-01-01T00:00:30.123456Z"));
		store.write("tick", first);
		assertThat(store.read("tick")).isEqualTo(first);
		ScheduleStatus second = new ScheduleStatus(Instant.parse("2025-01-01T00:05:00Z"),
				Instant.parse("2025-01-01T00:10:00Z"), Instant.parse("2025-01-01T00:05:00.5Z"));
		store.write("tick", second);
		assertThat(store.read("tick")).isEqualTo(second);
		assertThat(store.read("other")).isNull();
	}

}
