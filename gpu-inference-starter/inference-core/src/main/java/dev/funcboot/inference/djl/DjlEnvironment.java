package dev.funcboot.inference.djl;

import java.nio.file.Path;

/**
 * Keeps DJL off the network: offline mode, and a cache directory of the application's choosing
 * for the natives extracted from the bundled {@code pytorch-native-*} jar. Must run before DJL's
 * first engine loads; values already set (system properties or environment) win.
 */
public final class DjlEnvironment {

	public static final String OFFLINE = "ai.djl.offline";

	public static final String CACHE_DIR = "DJL_CACHE_DIR";

	public static final String ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";

	private DjlEnvironment() {
	}

	public static synchronized void prepare(boolean offline, Path cacheDir) {
		if (offline) {
			System.setProperty(OFFLINE, "true");
		}
		if (cacheDir != null) {
			String dir = cacheDir.toAbsolutePath().toString();
			setIfAbsent(CACHE_DIR, dir);
			setIfAbsent(ENGINE_CACHE_DIR, dir);
		}
	}

	/** Where DJL caches natives and models now. */
	public static String cacheDir() {
		String value = System.getenv(CACHE_DIR);
		return (value != null) ? value : System.getProperty(CACHE_DIR, System.getProperty("user.home") + "/.djl.ai");
	}

	private static void setIfAbsent(String name, String value) {
		if (System.getenv(name) == null && System.getProperty(name) == null) {
			System.setProperty(name, value);
		}
	}

}
