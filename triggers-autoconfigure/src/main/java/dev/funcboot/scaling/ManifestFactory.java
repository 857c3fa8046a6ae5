package dev.funcboot.scaling;

import org.springframework.core.env.Environment;

/** The manifest of this application, from its properties and its scaling plan. */
public final class ManifestFactory {

	private final ScalingPlanner planner;

	private final ContainerAppProperties app;

	private final Environment environment;

	public ManifestFactory(ScalingPlanner planner, ContainerAppProperties app, Environment environment) {
		this.planner = planner;
		this.app = app;
		this.environment = environment;
	}

	public String yaml() {
		String name = this.environment.getProperty("spring.application.name", "funcboot-app");
		int port = (this.app.getTargetPort() != null) ? this.app.getTargetPort()
				: this.environment.getProperty("server.port", Integer.class, 8080);
		return ContainerAppManifest.yaml(ContainerAppManifest.build(this.app, name, (port > 0) ? port : 8080,
				this.planner.plan()));
	}

}
