package dev.funcboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that users may override: Spring Cloud Function's registry warns "Failed to locate
 * function" on the first lookup of every function bean before it discovers it in the bean
 * factory; Funcboot resolves every binding at start-up and fails with its own message when a
 * function is really missing, so that warning is only noise.
 */
public class FuncbootEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "funcbootDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource(SOURCE_NAME, Map.of(
					"logging.level.org.springframework.cloud.function.context.catalog.BeanFactoryAwareFunctionRegistry",
					"ERROR")));
	}

}
