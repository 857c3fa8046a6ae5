package dev.funcboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that users may override:
 * <ul>
 * <li>Spring Cloud Function's registry warns "Failed to locate function" on the first lookup of
 * every function bean before it discovers it in the bean factory; Funcboot resolves every binding
 * at start-up and fails with its own message when a function is really missing, so that warning
 * is only noise.</li>
 * <li>Spring Cloud Stream, when on the class path for a message trigger, would bind an
 * application's only function bean to the default binder by itself
 * ({@code spring.cloud.stream.function.autodetect}); Funcboot binds its functions to their
 * triggers, so that auto-detection is off. An explicit {@code spring.cloud.function.definition}
 * still works.</li>
 * </ul>
 */
public class FuncbootEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "funcbootDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource(SOURCE_NAME, Map.of(
					"logging.level.org.springframework.cloud.function.context.catalog.BeanFactoryAwareFunctionRegistry",
					"ERROR", "spring.cloud.stream.function.autodetect", "false")));
	}

}
