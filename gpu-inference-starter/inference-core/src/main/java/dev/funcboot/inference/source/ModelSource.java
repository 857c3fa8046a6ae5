package dev.funcboot.inference.source;

import java.io.IOException;
import java.nio.file.Path;

import dev.funcboot.inference.ModelSpec;

/** Turns a model's location into a local file DJL can load. */
public interface ModelSource {

	/** Whether this source reads locations like this one. */
	boolean supports(String location);

	/**
	 * The model's file on the local disk, fetched into {@code cacheDir} when it lives elsewhere.
	 * @throws IOException naming the model and the location when it cannot be read
	 */
	Path fetch(ModelSpec spec, Path cacheDir) throws IOException;

}
