package dev.funcboot.scaling;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code funcboot.manifest} set, the run only writes the manifest: no web server, and the
 * context exits once refreshed, before any lifecycle (listeners, timers, workers) starts
 * ({@code spring.context.exit=onRefresh}, as for a CDS training run).
 */
public class ManifestEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY = "funcboot.manifest";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty(PROPERTY) == null) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("funcbootManifestRun",
					Map.of("spring.main.web-application-type", "none", "spring.main.banner-mode", "off")));
		System.setProperty("spring.context.exit", "onRefresh");
	}

}
