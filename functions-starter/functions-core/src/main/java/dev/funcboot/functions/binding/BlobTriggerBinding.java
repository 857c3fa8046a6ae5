package dev.funcboot.functions.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.funcboot.functions.blob.BlobPath;

/**
 * @param path the container and blob name pattern the function listens to
 * @param connection the storage connection's name
 * @param options polling, poison threshold, scan size and claim lease
 */
public record BlobTriggerBinding(BlobPath path, String connection, BlobOptions options) implements TriggerBinding {

	public static final String TYPE = "blob";

	/** The queue Azure Functions (and Funcboot) sends blob-trigger poison messages to. */
	public static final String DEFAULT_POISON_QUEUE = "webjobs-blobtrigger-poison";

	public BlobTriggerBinding {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(connection, "connection");
		Objects.requireNonNull(options, "options");
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("path", this.path.path());
		map.put("container", this.path.container());
		map.put("prefix", this.path.prefix());
		map.put("connection", this.connection);
		map.put("pollingInterval", this.options.pollingInterval().toString());
		map.put("poisonBlobThreshold", this.options.poisonBlobThreshold());
		map.put("maxBlobsPerScan", this.options.maxBlobsPerScan());
		map.put("lease", this.options.lease().toString());
		return map;
	}

}
