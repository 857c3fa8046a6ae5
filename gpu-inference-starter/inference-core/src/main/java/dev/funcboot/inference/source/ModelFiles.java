package dev.funcboot.inference.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.funcboot.inference.ModelSpec;

/** Where fetched model files go: {@code <cache>/models/<model>/<file name>}. */
final class ModelFiles {

	private ModelFiles() {
	}

	static Path target(Path cacheDir, ModelSpec spec, String path) throws IOException {
		String fileName = path.substring(path.lastIndexOf('/') + 1);
		int query = fileName.indexOf('?');
		fileName = (query >= 0) ? fileName.substring(0, query) : fileName;
		if (fileName.isBlank()) {
			throw new IOException("Model '" + spec.name() + "': location '" + spec.location() + "' names no file");
		}
		Path dir = cacheDir.resolve("models").resolve(spec.name());
		Files.createDirectories(dir);
		return dir.resolve(fileName);
	}

}
