package dev.funcboot.durable.store.jdbc;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrashRecoveryScenario} on the embedded default, an H2 file database shared through
 * H2's automatic server mode (the test JVM watches while the worker JVMs run).
 */
class CrashRecoveryH2IntegrationTests {

	@Test
	void aKilledJvmsOrchestrationCompletesInTheNextJvm(@TempDir Path directory) throws Exception {
		String url = "jdbc:h2:file:" + directory.resolve("durable").toAbsolutePath() + ";AUTO_SERVER=TRUE";
		Path logs = directory.resolve("logs");
		java.nio.file.Files.createDirectories(logs);
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			dataSource.setUsername("sa");
			CrashRecoveryScenario.run(dataSource, url, "sa", logs);
		}
	}

}
