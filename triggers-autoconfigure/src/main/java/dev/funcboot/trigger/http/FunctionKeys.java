package dev.funcboot.trigger.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.funcboot.functions.annotation.AuthLevel;

/**
 * The master key, host keys and function keys, with the check of a presented key. Keys are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}, so neither content nor length
 * leaks through timing. Thread-safe: checks read an immutable snapshot; changes are serialized
 * and persisted before they take effect. Key values are never logged.
 */
public final class FunctionKeys {

	/** Result of a key check. */
	public enum Check {

		/** The key (or no key, for anonymous functions) grants access. */
		GRANTED,

		/** No key was presented. */
		MISSING,

		/** The presented key is not a known key. */
		INVALID,

		/** The key is valid but does not cover this function or level. */
		FORBIDDEN

	}

	private static final SecureRandom random = new SecureRandom();

	private final KeyFile file;

	private String master;

	private final Map<String, String> host = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> functions = new LinkedHashMap<>();

	private final Set<String> deleted = new LinkedHashSet<>();

	private volatile Snapshot snapshot;

	private final boolean masterGenerated;

	/**
	 * @param configured keys from configuration
	 * @param file where changes are persisted, or {@code null} to keep them in memory
	 */
	public FunctionKeys(KeysProperties configured, KeyFile file) {
		this.file = file;
		this.master = blankToNull(configured.getMaster());
		configured.getHost().forEach((name, value) -> this.host.put(name, value));
		configured.getFunctions()
			.forEach((function, keys) -> this.functions.put(function, new LinkedHashMap<>(keys)));
		if (file != null) {
			file.load().ifPresent(this::merge);
		}
		boolean generated = false;
		if (this.master == null) {
			this.master = generate();
			generated = true;
			persist();
		}
		this.masterGenerated = generated;
		refresh();
	}

	/** Whether the master key was generated because none was configured or stored before. */
	public boolean isMasterGenerated() {
		return this.masterGenerated;
	}

	/** Checks a presented key ({@code null} when none) against a function's auth level. */
	public Check check(AuthLevel level, String function, String presented) {
		if (level == AuthLevel.ANONYMOUS) {
			return Check.GRANTED;
		}
		if (presented == null || presented.isEmpty()) {
			return Check.MISSING;
		}
		Snapshot keys = this.snapshot;
		byte[] digest = digest(presented);
		boolean isMaster = MessageDigest.isEqual(digest, keys.master);
		if (isMaster) {
			return Check.GRANTED;
		}
		boolean isHost = matchesAny(digest, keys.host);
		boolean isThisFunction = matchesAny(digest, keys.functions.getOrDefault(function, List.of()));
		if (level == AuthLevel.FUNCTION && (isHost || isThisFunction)) {
			return Check.GRANTED;
		}
		if (isHost || isThisFunction || matchesAnyFunction(digest, keys)) {
			return Check.FORBIDDEN;
		}
		return Check.INVALID;
	}

	public synchronized Map<String, String> hostKeys() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(this.host));
	}

	public synchronized Map<String, String> functionKeys(String function) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(this.functions.getOrDefault(function, Map.of())));
	}

	public synchronized String masterKey() {
		return this.master;
	}

	/** Sets a function key; a {@code null} value generates a new one. Returns the value. */
	public synchronized String putFunctionKey(String function, String name, String value) {
		String key = (value != null) ? validate(value) : generate();
		this.functions.computeIfAbsent(function, (f) -> new LinkedHashMap<>()).put(name, key);
		this.deleted.remove(tombstone(function, name));
		changed();
		return key;
	}

	public synchronized boolean deleteFunctionKey(String function, String name) {
		Map<String, String> keys = this.functions.get(function);
		boolean removed = keys != null && keys.remove(name) != null;
		if (removed) {
			this.deleted.add(tombstone(function, name));
			changed();
		}
		return removed;
	}

	/** Sets a host key; a {@code null} value generates a new one. Returns the value. */
	public synchronized String putHostKey(String name, String value) {
		String key = (value != null) ? validate(value) : generate();
		this.host.put(name, key);
		this.deleted.remove(tombstone(null, name));
		changed();
		return key;
	}

	public synchronized boolean deleteHostKey(String name) {
		boolean removed = this.host.remove(name) != null;
		if (removed) {
			this.deleted.add(tombstone(null, name));
			changed();
		}
		return removed;
	}

	/** Replaces the master key; a {@code null} value generates a new one. Returns the value. */
	public synchronized String rotateMaster(String value) {
		this.master = (value != null) ? validate(value) : generate();
		changed();
		return this.master;
	}

	private void changed() {
		persist();
		refresh();
	}

	private void merge(KeyFile.Contents stored) {
		if (stored.master() != null) {
			this.master = stored.master();
		}
		this.host.putAll(stored.host());
		stored.functions()
			.forEach((function, keys) -> this.functions.computeIfAbsent(function, (f) -> new LinkedHashMap<>())
				.putAll(keys));
		this.deleted.addAll(stored.deleted());
		for (String tombstone : stored.deleted()) {
			int slash = tombstone.indexOf('/');
			String scope = tombstone.substring(0, slash);
			String rest = tombstone.substring(slash + 1);
			if (scope.equals("host")) {
				this.host.remove(rest);
			}
			else {
				int second = rest.lastIndexOf('/');
				Map<String, String> keys = this.functions.get(rest.substring(0, second));
				if (keys != null) {
					keys.remove(rest.substring(second + 1));
				}
			}
		}
	}

	private void persist() {
		if (this.file != null) {
			this.file.save(new KeyFile.Contents(this.master, this.host, this.functions, this.deleted));
		}
	}

	private void refresh() {
		Map<String, List<byte[]>> functionDigests = new LinkedHashMap<>();
		this.functions.forEach((function, keys) -> functionDigests.put(function,
				keys.values().stream().map(FunctionKeys::digest).toList()));
		this.snapshot = new Snapshot(digest(this.master), this.host.values().stream().map(FunctionKeys::digest).toList(),
				functionDigests);
	}

	private static boolean matchesAny(byte[] digest, List<byte[]> candidates) {
		boolean match = false;
		for (byte[] candidate : candidates) {
			match |= MessageDigest.isEqual(digest, candidate);
		}
		return match;
	}

	private static boolean matchesAnyFunction(byte[] digest, Snapshot keys) {
		boolean match = false;
		for (List<byte[]> candidates : keys.functions.values()) {
			match |= matchesAny(digest, candidates);
		}
		return match;
	}

	private static String tombstone(String function, String name) {
		return (function != null) ? "function/" + function + "/" + name : "host/" + name;
	}

	private static String validate(String value) {
		if (value.length() < 16 || value.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException("A key must be at least 16 characters without whitespace");
		}
		return value;
	}

	static String generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private record Snapshot(byte[] master, List<byte[]> host, Map<String, List<byte[]>> functions) {
	}

}
