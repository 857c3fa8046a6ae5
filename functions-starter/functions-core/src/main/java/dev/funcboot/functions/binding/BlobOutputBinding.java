package dev.funcboot.functions.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.funcboot.functions.blob.BlobPath;

/**
 * @param path the container and blob name pattern the result is written to; its values come
 * from the trigger ({@code {rand-guid}} is a new UUID)
 * @param connection the storage connection's name
 */
public record BlobOutputBinding(BlobPath path, String connection) implements OutputBinding {

	public static final String TYPE = "blob";

	/** The value that expands to a new random UUID in an output path. */
	public static final String RANDOM_GUID = "rand-guid";

	public BlobOutputBinding {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(connection, "connection");
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("path", this.path.path());
		map.put("connection", this.connection);
		return map;
	}

}
