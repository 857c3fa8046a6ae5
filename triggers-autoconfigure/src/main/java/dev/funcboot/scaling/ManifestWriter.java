package dev.funcboot.scaling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * {@code --funcboot.manifest=FILE} (or {@code -} for standard output): writes the manifest once
 * every bean exists; {@link ManifestEnvironmentPostProcessor} makes the application exit right after,
 * before anything connects to a broker or opens a port.
 */
final class ManifestWriter implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ManifestWriter.class);

	private final ManifestFactory manifests;

	private final String target;

	ManifestWriter(ManifestFactory manifests, String target) {
		this.manifests = manifests;
		this.target = target;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String yaml = this.manifests.yaml();
		if ("-".equals(this.target)) {
			System.out.print(yaml);
			System.out.flush();
			return;
		}
		try {
			Path path = Path.of(this.target).toAbsolutePath();
			if (path.getParent() != null) {
				Files.createDirectories(path.getParent());
			}
			Files.writeString(path, yaml, StandardCharsets.UTF_8);
			logger.info("Wrote the Container Apps manifest to " + path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the manifest to " + this.target, ex);
		}
	}

}
