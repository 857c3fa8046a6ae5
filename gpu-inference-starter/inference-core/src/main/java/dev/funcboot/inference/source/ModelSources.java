package dev.funcboot.inference.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.funcboot.inference.ModelSpec;

/**
 * The model sources in order: the first that supports a location fetches it. The defaults read
 * {@code classpath:}, Azure Blob URLs (when the Storage SDK is on the class path) and files.
 */
public final class ModelSources {

	private final List<ModelSource> sources;

	public ModelSources(List<ModelSource> sources) {
		this.sources = List.copyOf(sources);
	}

	public static ModelSources defaults(ClassLoader classLoader) {
		List<ModelSource> sources = new ArrayList<>();
		sources.add(new ClasspathModelSource(classLoader));
		ModelSource blob = blobSource();
		if (blob != null) {
			sources.add(blob);
		}
		sources.add(new FileModelSource());
		return new ModelSources(sources);
	}

	/**
	 * The Blob source when the Storage SDK is on the class path, else {@code null}. Created
	 * reflectively: merely linking {@link BlobModelSource} needs the SDK's classes.
	 */
	private static ModelSource blobSource() {
		try {
			Class.forName("com.azure.storage.blob.BlobClient", false, ModelSources.class.getClassLoader());
			return (ModelSource) Class.forName(ModelSources.class.getPackageName() + ".BlobModelSource")
				.getDeclaredConstructor()
				.newInstance();
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			return null;
		}
	}

	public Path fetch(ModelSpec spec, Path cacheDir) throws IOException {
		for (ModelSource source : this.sources) {
			if (source.supports(spec.location())) {
				return source.fetch(spec, cacheDir);
			}
		}
		throw new IOException("Model '" + spec.name() + "': no source reads location '" + spec.location() + "'"
				+ (spec.location().startsWith("http") ? "; add com.azure:azure-storage-blob for Azure Blob URLs" : ""));
	}

}
