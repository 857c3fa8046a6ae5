package dev.funcboot.trigger.http;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys of HTTP functions. Take the values from the environment or a mounted secret
 * ({@code FUNCBOOT_KEYS_MASTER}, {@code FUNCBOOT_KEYS_HOST_DEFAULT}, ...); keys created or
 * rotated through the admin API are persisted in {@link #getStoreDirectory() the store
 * directory} when one is set, and then win over configured values.
 */
@ConfigurationProperties("funcboot.keys")
public class KeysProperties {

	/** The master key: authorizes every function and the admin API. Generated when not set. */
	private String master;

	/** Host keys by name: each authorizes every function of auth level 'function'. */
	private Map<String, String> host = new LinkedHashMap<>();

	/** Function keys by function name, then key name. */
	private Map<String, Map<String, String>> functions = new LinkedHashMap<>();

	/** Directory where keys are persisted (a volume in a container); keys live in memory only when not set. */
	private Path storeDirectory;

	/** Whether the key admin API is served (it always requires the master key). */
	private boolean adminApiEnabled = true;

	/** Path of the key admin API. */
	private String adminPath = "/admin";

	public String getMaster() {
		return this.master;
	}

	public void setMaster(String master) {
		this.master = master;
	}

	public Map<String, String> getHost() {
		return this.host;
	}

	public void setHost(Map<String, String> host) {
		this.host = host;
	}

	public Map<String, Map<String, String>> getFunctions() {
		return this.functions;
	}

	public void setFunctions(Map<String, Map<String, String>> functions) {
		this.functions = functions;
	}

	public Path getStoreDirectory() {
		return this.storeDirectory;
	}

	public void setStoreDirectory(Path storeDirectory) {
		this.storeDirectory = storeDirectory;
	}

	public boolean isAdminApiEnabled() {
		return this.adminApiEnabled;
	}

	public void setAdminApiEnabled(boolean adminApiEnabled) {
		this.adminApiEnabled = adminApiEnabled;
	}

	public String getAdminPath() {
		return this.adminPath;
	}

	public void setAdminPath(String adminPath) {
		this.adminPath = adminPath;
	}

}
