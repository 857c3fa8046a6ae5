package dev.funcboot.durable.autoconfigure;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class DurableFlywayEnvironmentPostProcessorTests {

	private final DurableFlywayEnvironmentPostProcessor processor = new DurableFlywayEnvironmentPostProcessor();

	@Test
	void theStoreAloneDoesNotSwitchOnTheApplicationsFlyway() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("false");
	}

	@Test
	void anExplicitSettingWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("app", Map.of("spring.flyway.enabled", "true")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("true");
	}

	@Test
	void applicationsWithTheirOwnMigrationsKeepFlyway(@TempDir Path classes) throws Exception {
		Path migration = classes.resolve("db/migration/V1__orders.sql");
		Files.createDirectories(migration.getParent());
		Files.writeString(migration, "create table orders (id int);");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			SpringApplication application = new SpringApplication(new DefaultResourceLoader(loader));
			StandardEnvironment environment = new StandardEnvironment();
			this.processor.postProcessEnvironment(environment, application);
			assertThat(environment.containsProperty("spring.flyway.enabled")).isFalse();
		}
	}

}
