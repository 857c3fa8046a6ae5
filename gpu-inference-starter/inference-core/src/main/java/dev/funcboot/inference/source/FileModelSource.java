package dev.funcboot.inference.source;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.funcboot.inference.ModelSpec;

/** A file path, or a {@code file:} location. */
public final class FileModelSource implements ModelSource {

	@Override
	public boolean supports(String location) {
		return !location.startsWith("classpath:") && !location.startsWith("http://")
				&& !location.startsWith("https://");
	}

	@Override
	public Path fetch(ModelSpec spec, Path cacheDir) throws FileNotFoundException {
		String location = spec.location();
		Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location)
			.toAbsolutePath();
		if (!Files.isRegularFile(path)) {
			throw new FileNotFoundException("Model '" + spec.name() + "': no model file at " + path + " (location '"
					+ location + "'); fix funcboot.inference.models." + spec.name() + ".location");
		}
		return path;
	}

}
