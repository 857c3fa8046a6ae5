package dev.funcboot.scaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Container App around the functions ({@code funcboot.container-app.*}): what the manifest
 * written by {@code --funcboot.manifest=FILE} and shown at {@code /actuator/scaling/manifest} says
 * besides the scale rules.
 */
@ConfigurationProperties("funcboot.container-app")
public class ContainerAppProperties {

	/** The app's name; spring.application.name when unset. */
	private String name;

	/** Azure region, e.g. 'westeurope'. */
	private String location = "westeurope";

	/** Resource id of the Container Apps environment. */
	private String environmentId = "${CONTAINER_APPS_ENVIRONMENT_ID}";

	/** The OCI image, e.g. built by 'mvn spring-boot:build-image'. */
	private String image;

	/** vCPUs per replica. */
	private String cpu = "0.5";

	/** Memory per replica. */
	private String memory = "1Gi";

	/** Whether ingress is reachable from outside the environment. */
	private boolean external = true;

	/** Port the app listens on; server.port when unset, else 8080. */
	private Integer targetPort;

	/** 'single' (each revision replaces the last) or 'multiple' (traffic split between revisions). */
	private String revisionMode = "single";

	/** Suffix of the revision this manifest creates, e.g. 'blue' or 'v2'. */
	private String revisionSuffix;

	/** Traffic weights in multiple-revision mode; all traffic to the latest revision when empty. */
	private List<Traffic> traffic = new ArrayList<>();

	/**
	 * Secrets by name and the Key Vault secret URL each comes from (with the app's identity);
	 * secrets the scale rules need but not listed here are written with a placeholder value.
	 */
	private Map<String, String> keyVaultSecrets = new LinkedHashMap<>();

	/** Dapr sidecar settings. */
	private final Dapr dapr = new Dapr();

	public static class Traffic {

		/** A revision name, or 'latest' for the revision this manifest creates. */
		private String revision = "latest";

		/** Share of the traffic, 0 to 100; the weights add up to 100. */
		private int weight;

		/** Label giving the revision a URL of its own, e.g. 'blue'. */
		private String label;

		public String getRevision() {
			return this.revision;
		}

		public void setRevision(String revision) {
			this.revision = revision;
		}

		public int getWeight() {
			return this.weight;
		}

		public void setWeight(int weight) {
			this.weight = weight;
		}

		public String getLabel() {
			return this.label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

	}

	public static class Dapr {

		/** Whether the app runs with a Dapr sidecar. */
		private boolean enabled;

		/** The Dapr app id; the app name when unset. */
		private String appId;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getAppId() {
			return this.appId;
		}

		public void setAppId(String appId) {
			this.appId = appId;
		}

	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public String getEnvironmentId() {
		return this.environmentId;
	}

	public void setEnvironmentId(String environmentId) {
		this.environmentId = environmentId;
	}

	public String getImage() {
		return this.image;
	}

	public void setImage(String image) {
		this.image = image;
	}

	public String getCpu() {
		return this.cpu;
	}

	public void setCpu(String cpu) {
		this.cpu = cpu;
	}

	public String getMemory() {
		return this.memory;
	}

	public void setMemory(String memory) {
		this.memory = memory;
	}

	public boolean isExternal() {
		return this.external;
	}

	public void setExternal(boolean external) {
		this.external = external;
	}

	public Integer getTargetPort() {
		return this.targetPort;
	}

	public void setTargetPort(Integer targetPort) {
		this.targetPort = targetPort;
	}

	public String getRevisionMode() {
		return this.revisionMode;
	}

	public void setRevisionMode(String revisionMode) {
		this.revisionMode = revisionMode;
	}

	public String getRevisionSuffix() {
		return this.revisionSuffix;
	}

	public void setRevisionSuffix(String revisionSuffix) {
		this.revisionSuffix = revisionSuffix;
	}

	public List<Traffic> getTraffic() {
		return this.traffic;
	}

	public void setTraffic(List<Traffic> traffic) {
		this.traffic = traffic;
	}

	public Map<String, String> getKeyVaultSecrets() {
		return this.keyVaultSecrets;
	}

	public void setKeyVaultSecrets(Map<String, String> keyVaultSecrets) {
		this.keyVaultSecrets = keyVaultSecrets;
	}

	public Dapr getDapr() {
		return this.dapr;
	}

}
