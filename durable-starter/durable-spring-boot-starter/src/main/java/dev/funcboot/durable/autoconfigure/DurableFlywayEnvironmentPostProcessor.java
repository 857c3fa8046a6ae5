package dev.funcboot.durable.autoconfigure;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * The JDBC store brings Flyway onto the class path for its own tables (with a history table of
 * its own). That alone must not switch on Spring Boot's Flyway for the application's schema: when
 * the application has no migrations of its own ({@code classpath:db/migration}) and says nothing
 * about {@code spring.flyway.enabled}, it defaults to false. Applications that use Flyway are
 * unaffected, and the store migrates after them.
 */
public class DurableFlywayEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "funcbootDurableFlywayDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ClassLoader classLoader = application.getClassLoader();
		if (!ClassUtils.isPresent("dev.funcboot.durable.store.jdbc.JdbcOrchestrationStore", classLoader)
				|| environment.containsProperty("spring.flyway.enabled") || hasOwnMigrations(classLoader)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(SOURCE_NAME, Map.of("spring.flyway.enabled", "false")));
	}

	private static boolean hasOwnMigrations(ClassLoader classLoader) {
		try {
			return new PathMatchingResourcePatternResolver(classLoader).getResources("classpath*:db/migration/**/*.sql")
				.length > 0;
		}
		catch (IOException ex) {
			return true;
		}
	}

}
