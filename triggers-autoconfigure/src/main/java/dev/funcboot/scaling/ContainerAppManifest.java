package dev.funcboot.scaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Container App as {@code az containerapp create --yaml} takes it: ingress and traffic,
 * secrets, Dapr, one container with Actuator probes, and the scale rules of the {@link ScalingPlan}.
 * Secrets not mapped to Key Vault get a placeholder value to fill in before deploying.
 */
public final class ContainerAppManifest {

	static final String SECRET_PLACEHOLDER = "<set before deploying>";

	private ContainerAppManifest() {
	}

	/**
	 * @throws IllegalStateException when the traffic settings do not make sense (weights not adding
	 * up to 100, traffic split in single-revision mode)
	 */
	public static Map<String, Object> build(ContainerAppProperties app, String appName, int port, ScalingPlan plan) {
		String name = (app.getName() != null) ? app.getName() : appName;
		Map<String, Object> configuration = new LinkedHashMap<>();
		boolean multiple = "multiple".equalsIgnoreCase(app.getRevisionMode());
		configuration.put("activeRevisionsMode", multiple ? "Multiple" : "Single");
		configuration.put("ingress", ingress(app, port, multiple));
		Set<String> secretNames = secretNames(plan);
		secretNames.addAll(app.getKeyVaultSecrets().keySet());
		if (!secretNames.isEmpty()) {
			configuration.put("secrets", secrets(app, secretNames));
		}
		if (app.getDapr().isEnabled()) {
			configuration.put("dapr", ordered("enabled", true, "appId",
					(app.getDapr().getAppId() != null) ? app.getDapr().getAppId() : name, "appPort", port, "appProtocol",
					"http"));
		}
		Map<String, Object> template = new LinkedHashMap<>();
		if (app.getRevisionSuffix() != null) {
			template.put("revisionSuffix", app.getRevisionSuffix());
		}
		template.put("containers", List.of(container(app, name, port, plan)));
		template.put("scale", scale(plan));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("managedEnvironmentId", app.getEnvironmentId());
		properties.put("configuration", configuration);
		properties.put("template", template);
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("location", app.getLocation());
		manifest.put("name", name);
		manifest.put("type", "Microsoft.App/containerApps");
		if (!app.getKeyVaultSecrets().isEmpty()) {
			manifest.put("identity", Map.of("type", "SystemAssigned"));
		}
		manifest.put("properties", properties);
		return manifest;
	}

	public static String yaml(Map<String, Object> manifest) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		return "# Container App manifest derived by Funcboot from the declared triggers\n"
				+ "# az containerapp create --resource-group <group> --yaml <this file>\n" + new Yaml(options).dump(manifest);
	}

	private static Map<String, Object> ingress(ContainerAppProperties app, int port, boolean multiple) {
		List<Map<String, Object>> traffic = new ArrayList<>();
		if (app.getTraffic().isEmpty()) {
			traffic.add(ordered("latestRevision", true, "weight", 100));
		}
		else {
			if (!multiple) {
				throw new IllegalStateException("funcboot.container-app.traffic splits traffic between revisions; set "
						+ "funcboot.container-app.revision-mode=multiple");
			}
			int total = 0;
			for (ContainerAppProperties.Traffic entry : app.getTraffic()) {
				Map<String, Object> target = new LinkedHashMap<>();
				if ("latest".equals(entry.getRevision())) {
					target.put("latestRevision", true);
				}
				else {
					target.put("revisionName", entry.getRevision());
				}
				target.put("weight", entry.getWeight());
				if (entry.getLabel() != null) {
					target.put("label", entry.getLabel());
				}
				total += entry.getWeight();
				traffic.add(target);
			}
			if (total != 100) {
				throw new IllegalStateException("The weights of funcboot.container-app.traffic add up to " + total
						+ ", not 100");
			}
		}
		return ordered("external", app.isExternal(), "targetPort", port, "transport", "auto", "traffic", traffic);
	}

	private static Set<String> secretNames(ScalingPlan plan) {
		Set<String> names = new LinkedHashSet<>();
		plan.rules().forEach((rule) -> rule.auth().forEach((auth) -> names.add(auth.secretRef())));
		return names;
	}

	private static List<Map<String, Object>> secrets(ContainerAppProperties app, Set<String> names) {
		List<Map<String, Object>> secrets = new ArrayList<>();
		for (String name : names) {
			String keyVaultUrl = app.getKeyVaultSecrets().get(name);
			secrets.add((keyVaultUrl != null) ? ordered("name", name, "keyVaultUrl", keyVaultUrl, "identity", "system")
					: ordered("name", name, "value", SECRET_PLACEHOLDER));
		}
		return secrets;
	}

	private static Map<String, Object> container(ContainerAppProperties app, String name, int port, ScalingPlan plan) {
		Map<String, Object> container = new LinkedHashMap<>();
		container.put("name", name);
		container.put("image", (app.getImage() != null) ? app.getImage() : name + ":latest");
		container.put("resources", ordered("cpu", Double.parseDouble(app.getCpu()), "memory", app.getMemory()));
		List<Map<String, Object>> env = new ArrayList<>();
		for (ScaleRule rule : plan.rules()) {
			if ("azure-queue".equals(rule.type())) {
				for (ScaleRule.Auth auth : rule.auth()) {
					Map<String, Object> variable = ordered("name", connectionVariable(auth.secretRef()), "secretRef",
							auth.secretRef());
					if (!env.contains(variable)) {
						env.add(variable);
					}
				}
			}
		}
		if (!env.isEmpty()) {
			container.put("env", env);
		}
		container.put("probes", List.of(probe("Liveness", "/actuator/health/liveness", port),
				probe("Readiness", "/actuator/health/readiness", port),
				startupProbe(port)));
		return container;
	}

	/** Where the app reads a storage connection string from: {@code funcboot.storage.connections.<name>.connection-string}. */
	static String connectionVariable(String secret) {
		String connection = secret.endsWith("-connection") ? secret.substring(0, secret.length() - "-connection".length())
				: secret;
		return "FUNCBOOT_STORAGE_CONNECTIONS_" + connection.toUpperCase(Locale.ROOT).replace('-', '_')
				+ "_CONNECTIONSTRING";
	}

	private static Map<String, Object> probe(String type, String path, int port) {
		return ordered("type", type, "httpGet", ordered("path", path, "port", port), "periodSeconds", 10);
	}

	private static Map<String, Object> startupProbe(int port) {
		return ordered("type", "Startup", "httpGet", ordered("path", "/actuator/health/liveness", "port", port),
				"periodSeconds", 1, "failureThreshold", 60);
	}

	private static Map<String, Object> scale(ScalingPlan plan) {
		List<Map<String, Object>> rules = new ArrayList<>();
		for (ScaleRule rule : plan.rules()) {
			if (ScaleRule.HTTP.equals(rule.type())) {
				rules.add(ordered("name", rule.name(), "http", Map.of("metadata", new LinkedHashMap<>(rule.metadata()))));
			}
			else {
				Map<String, Object> custom = new LinkedHashMap<>();
				custom.put("type", rule.type());
				custom.put("metadata", new java.util.TreeMap<>(rule.metadata()));
				if (!rule.auth().isEmpty()) {
					custom.put("auth", rule.auth().stream()
						.map((auth) -> ordered("secretRef", auth.secretRef(), "triggerParameter", auth.triggerParameter()))
						.toList());
				}
				rules.add(ordered("name", rule.name(), "custom", custom));
			}
		}
		return ordered("minReplicas", plan.minReplicas(), "maxReplicas", plan.maxReplicas(), "rules", rules);
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
