package dev.funcboot.durable.store.jdbc;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** An H2 file database, the store's embedded default, behind a small pool. */
final class H2TestDatabase {

	private H2TestDatabase() {
	}

	static HikariDataSource open(Path directory) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("durable").toAbsolutePath());
		config.setUsername("sa");
		config.setMaximumPoolSize(10);
		config.setPoolName("h2-" + directory.getFileName());
		return new HikariDataSource(config);
	}

}
