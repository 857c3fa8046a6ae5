package dev.funcboot.scaling;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/scaling}: the KEDA scale rules the running app's triggers imply, the replica
 * bounds and the revision; {@code /actuator/scaling/manifest}: the Container Apps manifest.
 */
@Endpoint(id = "scaling")
public class ScalingEndpoint {

	private final ScalingPlanner planner;

	private final ManifestFactory manifests;

	private final ContainerAppRevision revision;

	public ScalingEndpoint(ScalingPlanner planner, ManifestFactory manifests, ContainerAppRevision revision) {
		this.planner = planner;
		this.manifests = manifests;
		this.revision = revision;
	}

	@ReadOperation
	public Map<String, Object> scaling() {
		Map<String, Object> body = new LinkedHashMap<>(this.planner.plan().describe());
		body.put("revision", this.revision.describe());
		return body;
	}

	/** Only {@code manifest}: the YAML for {@code az containerapp create --yaml}. */
	@ReadOperation(produces = "application/yaml")
	public String part(@Selector String part) {
		return "manifest".equals(part) ? this.manifests.yaml() : null;
	}

}
