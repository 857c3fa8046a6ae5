package dev.funcboot.inference.source;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.funcboot.inference.ModelSpec;

/**
 * A {@code classpath:} location: the resource is copied into the cache directory, since DJL loads
 * files (and the resource may sit inside a jar).
 */
public final class ClasspathModelSource implements ModelSource {

	private final ClassLoader classLoader;

	public ClasspathModelSource(ClassLoader classLoader) {
		this.classLoader = (classLoader != null) ? classLoader : ClasspathModelSource.class.getClassLoader();
	}

	@Override
	public boolean supports(String location) {
		return location.startsWith("classpath:");
	}

	@Override
	public Path fetch(ModelSpec spec, Path cacheDir) throws IOException {
		String resource = spec.location().substring("classpath:".length());
		resource = resource.startsWith("/") ? resource.substring(1) : resource;
		try (InputStream in = this.classLoader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new FileNotFoundException("Model '" + spec.name() + "': no class path resource '" + resource
						+ "' (location '" + spec.location() + "'); fix funcboot.inference.models." + spec.name()
						+ ".location");
			}
			Path target = ModelFiles.target(cacheDir, spec, resource);
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
	}

}
