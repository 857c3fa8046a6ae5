package dev.funcboot.scaling;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The manifest, read back as YAML and checked field by field. */
@SuppressWarnings("unchecked")
class ContainerAppManifestTests {

	private final ContainerAppProperties app = new ContainerAppProperties();

	private final ScalingPlan plan = ScalingPlan.builder(0, 7)
		.rule(new ScaleRule("http", ScaleRule.HTTP, Map.of("concurrentRequests", "10"), List.of(), null))
		.rule(new ScaleRule("validate-order-queue", "azure-queue",
				Map.of("queueName", "incoming-orders", "queueLength", "16"),
				List.of(new ScaleRule.Auth("default-connection", "connection")), "validateOrder"))
		.build();

	@Test
	void aSingleRevisionAppWithIngressProbesSecretsAndRules() {
		this.app.setImage("registry.example/order-intake:1.0");
		Map<String, Object> manifest = read(this.plan);
		assertThat(manifest).containsEntry("name", "order-intake")
			.containsEntry("type", "Microsoft.App/containerApps")
			.containsEntry("location", "westeurope")
			.doesNotContainKey("identity");
		Map<String, Object> properties = map(manifest, "properties");
		assertThat(properties).containsEntry("managedEnvironmentId", "${CONTAINER_APPS_ENVIRONMENT_ID}");
		Map<String, Object> configuration = map(properties, "configuration");
		assertThat(configuration).containsEntry("activeRevisionsMode", "Single").doesNotContainKey("dapr");
		Map<String, Object> ingress = map(configuration, "ingress");
		assertThat(ingress).containsEntry("external", true).containsEntry("targetPort", 8080);
		assertThat(list(ingress, "traffic")).containsExactly(Map.of("latestRevision", true, "weight", 100));
		assertThat(list(configuration, "secrets"))
			.containsExactly(Map.of("name", "default-connection", "value", ContainerAppManifest.SECRET_PLACEHOLDER));
		Map<String, Object> template = map(properties, "template");
		Map<String, Object> container = (Map<String, Object>) list(template, "containers").get(0);
		assertThat(container).containsEntry("name", "order-intake")
			.containsEntry("image", "registry.example/order-intake:1.0");
		assertThat(map(container, "resources")).containsEntry("cpu", 0.5).containsEntry("memory", "1Gi");
		assertThat(list(container, "env")).containsExactly(Map.of("name",
				"FUNCBOOT_STORAGE_CONNECTIONS_DEFAULT_CONNECTIONSTRING", "secretRef", "default-connection"));
		assertThat(list(container, "probes").stream().map((probe) -> (Object) ((Map<?, ?>) probe).get("type")).toList())
			.containsExactly("Liveness", "Readiness", "Startup");
		assertThat(map((Map<String, Object>) list(container, "probes").get(1), "httpGet"))
			.containsEntry("path", "/actuator/health/readiness")
			.containsEntry("port", 8080);
		Map<String, Object> scale = map(template, "scale");
		assertThat(scale).containsEntry("minReplicas", 0).containsEntry("maxReplicas", 7);
		List<Object> rules = list(scale, "rules");
		assertThat(rules.get(0)).isEqualTo(Map.of("name", "http", "http", Map.of("metadata", Map.of("concurrentRequests", "10"))));
		Map<String, Object> queueRule = (Map<String, Object>) rules.get(1);
		assertThat(queueRule).containsEntry("name", "validate-order-queue");
		Map<String, Object> custom = map(queueRule, "custom");
		assertThat(custom).containsEntry("type", "azure-queue")
			.containsEntry("metadata", Map.of("queueLength", "16", "queueName", "incoming-orders"))
			.containsEntry("auth", List.of(Map.of("secretRef", "default-connection", "triggerParameter", "connection")));
	}

	@Test
	void blueGreenSplitsTrafficBetweenLabelledRevisions() {
		this.app.setRevisionMode("multiple");
		this.app.setRevisionSuffix("green");
		this.app.setTraffic(List.of(traffic("order-intake--blue", 80, "blue"), traffic("latest", 20, "green")));
		Map<String, Object> properties = map(read(this.plan), "properties");
		assertThat(map(properties, "configuration")).containsEntry("activeRevisionsMode", "Multiple");
		assertThat(list(map(map(properties, "configuration"), "ingress"), "traffic")).containsExactly(
				Map.of("revisionName", "order-intake--blue", "weight", 80, "label", "blue"),
				Map.of("latestRevision", true, "weight", 20, "label", "green"));
		assertThat(map(properties, "template")).containsEntry("revisionSuffix", "green");
	}

	@Test
	void trafficMustAddUpTo100AndNeedsMultipleRevisionMode() {
		this.app.setTraffic(List.of(traffic("latest", 100, null)));
		assertThatIllegalStateException().isThrownBy(() -> read(this.plan)).withMessageContaining("revision-mode=multiple");
		this.app.setRevisionMode("multiple");
		this.app.setTraffic(List.of(traffic("a", 50, null), traffic("latest", 30, null)));
		assertThatIllegalStateException().isThrownBy(() -> read(this.plan)).withMessageContaining("add up to 80");
	}

	@Test
	void keyVaultSecretsUseTheAppsIdentityAndDaprIsConfigured() {
		this.app.getKeyVaultSecrets().put("default-connection", "https://vault.vault.azure.net/secrets/storage");
		this.app.getDapr().setEnabled(true);
		Map<String, Object> manifest = read(this.plan);
		assertThat(manifest).containsEntry("identity", Map.of("type", "SystemAssigned"));
		Map<String, Object> configuration = map(map(manifest, "properties"), "configuration");
		assertThat(list(configuration, "secrets")).containsExactly(Map.of("name", "default-connection", "keyVaultUrl",
				"https://vault.vault.azure.net/secrets/storage", "identity", "system"));
		assertThat(map(configuration, "dapr")).containsEntry("enabled", true)
			.containsEntry("appId", "order-intake")
			.containsEntry("appPort", 8080)
			.containsEntry("appProtocol", "http");
	}

	private Map<String, Object> read(ScalingPlan plan) {
		String yaml = ContainerAppManifest.yaml(ContainerAppManifest.build(this.app, "order-intake", 8080, plan));
		assertThat(yaml).startsWith("# Container App manifest");
		return new Yaml().load(yaml);
	}

	private static ContainerAppProperties.Traffic traffic(String revision, int weight, String label) {
		ContainerAppProperties.Traffic traffic = new ContainerAppProperties.Traffic();
		traffic.setRevision(revision);
		traffic.setWeight(weight);
		traffic.setLabel(label);
		return traffic;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Map<String, Object> parent, String key) {
		return (List<Object>) parent.get(key);
	}

}
