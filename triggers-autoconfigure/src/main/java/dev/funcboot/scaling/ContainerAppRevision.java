package dev.funcboot.scaling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where this replica runs, from the variables Container Apps sets: app name, revision and replica.
 * Outside Container Apps every value is absent.
 */
public final class ContainerAppRevision {

	private final String app;

	private final String revision;

	private final String replica;

	public ContainerAppRevision(Function<String, String> environment) {
		this.app = environment.apply("CONTAINER_APP_NAME");
		this.revision = environment.apply("CONTAINER_APP_REVISION");
		this.replica = environment.apply("CONTAINER_APP_REPLICA_NAME");
	}

	/** The revision, or {@code null} outside Container Apps. */
	public String revision() {
		return this.revision;
	}

	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("app", this.app);
		map.put("revision", this.revision);
		map.put("replica", this.replica);
		return map;
	}

}
