package dev.funcboot.trigger.timer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.funcboot.functions.timer.ScheduleStatus;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TimerStatusStoreTests {

	private static final ScheduleStatus FIRST = new ScheduleStatus(null, Instant.parse("2025-01-01T00:05:00Z"),
			Instant.parse("2025-01-01T00:00:30.123456Z"));

	private static final ScheduleStatus SECOND = new ScheduleStatus(Instant.parse("2025-01-01T00:05:00Z"),
			Instant.parse("2025-01-01T00:10:00Z"), Instant.parse("2025-01-01T00:05:00.5Z"));

	@Test
	void memoryStoreKeepsTheLastWrite() {
		roundTrip(new InMemoryTimerStatusStore());
	}

	@Test
	void fileStoreKeepsOneFilePerTimerAndSurvivesANewInstance(@TempDir Path directory) {
		Path nested = directory.resolve("monitor");
		roundTrip(new FileTimerStatusStore(nested));
		assertThat(new FileTimerStatusStore(nested).read("tick")).isEqualTo(SECOND);
		new FileTimerStatusStore(nested).write("odd/name", FIRST);
		assertThat(new FileTimerStatusStore(nested).read("odd/name")).isEqualTo(FIRST);
		assertThat(nested.resolve("tick.status")).exists();
		assertThat(nested.resolve("odd%2Fname.status")).exists();
	}

	@Test
	void corruptStatusFileIsReportedWithItsPath(@TempDir Path directory) throws Exception {
		Files.writeString(directory.resolve("tick.status"), "last=yesterday\n");
		assertThatIllegalStateException().isThrownBy(() -> new FileTimerStatusStore(directory).read("tick"))
			.withMessageContaining("tick.status")
			.withMessageContaining("corrupt");
	}

	@Test
	void jdbcStoreOnH2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		TimerJdbcSchema schema = new TimerJdbcSchema(jdbc, "shedlock", "funcboot_timer_status");
		schema.initialize();
		schema.initialize();
		roundTrip(new JdbcTimerStatusStore(jdbc, "funcboot_timer_status"));
	}

	@Test
	void inProcessLockIsExclusivePerTimer() {
		InProcessTimerLock lock = new InProcessTimerLock();
		Optional<TimerLock.Held> held = lock.tryLock("tick");
		assertThat(held).isPresent();
		assertThat(lock.tryLock("tick")).isEmpty();
		assertThat(lock.tryLock("other")).isPresent();
		held.get().close();
		assertThat(lock.tryLock("tick")).isPresent();
	}

	private static void roundTrip(TimerStatusStore store) {
		assertThat(store.read("tick")).isNull();
		store.write("tick", FIRST);
		assertThat(store.read("tick")).isEqualTo(FIRST);
		store.write("tick", SECOND);
		assertThat(store.read("tick")).isEqualTo(SECOND);
		assertThat(store.read("other")).isNull();
	}

}
