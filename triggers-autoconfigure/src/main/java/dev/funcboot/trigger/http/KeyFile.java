package dev.funcboot.trigger.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Persists keys as one JSON file ({@code keys.json}, owner-only permissions), replaced
 * atomically on every change.
 */
public final class KeyFile {

	private final Path file;

	private final ObjectMapper mapper = new ObjectMapper();

	public KeyFile(Path directory) {
		this.file = directory.resolve("keys.json");
	}

	public Path path() {
		return this.file;
	}

	Optional<Contents> load() {
		if (!Files.exists(this.file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.mapper.readValue(this.file.toFile(), Contents.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the key store " + this.file
					+ "; fix or delete the file (keys from configuration are kept)", ex);
		}
	}

	void save(Contents contents) {
		try {
			Files.createDirectories(this.file.getParent());
			Path temp = Files.createTempFile(this.file.getParent(), "keys", ".tmp");
			try {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
			}
			this.mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), contents);
			try {
				Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the key store " + this.file, ex);
		}
	}

	/** What the file holds. */
	public record Contents(String master, Map<String, String> host, Map<String, Map<String, String>> functions,
			Set<String> deleted) {

		public Contents {
			host = (host != null) ? new LinkedHashMap<>(host) : new LinkedHashMap<>();
			Map<String, Map<String, String>> copy = new LinkedHashMap<>();
			if (functions != null) {
				functions.forEach((name, keys) -> copy.put(name, new LinkedHashMap<>(keys)));
			}
			functions = copy;
			deleted = (deleted != null) ? new LinkedHashSet<>(deleted) : new LinkedHashSet<>(List.of());
		}

	}

}
