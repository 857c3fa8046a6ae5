package dev.funcboot.durable.store.jdbc;

import java.nio.file.Path;
import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
import dev.funcboot.durable.store.OrchestrationStore;
import org.junit.jupiter.api.io.TempDir;

/** The engine scenarios on an H2 file database. */
class DurableEngineOnH2Tests extends DurableEngineOnStoreTests {

	@TempDir
	Path directory;

	private HikariDataSource dataSource;

	@Override
	protected OrchestrationStore createStore(Clock clock) {
		this.dataSource = H2TestDatabase.open(this.directory);
		return JdbcOrchestrationStore.builder(this.dataSource).clock(clock).build();
	}

	@Override
	protected void closeStore() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

}
