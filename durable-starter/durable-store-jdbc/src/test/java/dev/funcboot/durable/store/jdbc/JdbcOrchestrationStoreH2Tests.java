package dev.funcboot.durable.store.jdbc;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import dev.funcboot.durable.store.OrchestrationStore;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on an H2 file database, the embedded default. */
class JdbcOrchestrationStoreH2Tests extends OrchestrationStoreContractTests {

	@TempDir
	Path directory;

	private HikariDataSource dataSource;

	@Override
	protected OrchestrationStore createStore() {
		this.dataSource = H2TestDatabase.open(this.directory);
		JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(this.dataSource).build();
		assertThat(store.dialect()).isEqualTo(JdbcDialect.H2);
		return store;
	}

	@Override
	protected void closeStore() {
		this.dataSource.close();
	}

}
